// Read an iCalendar feed with ical.js, the parser Thunderbird uses, and print
// what it sees as JSON, so tests/export/ical/test_feed.py can compare it with icalendar.
//
//   node tests/js/read_feed.mjs FILE.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));

// Register the feed's own VTIMEZONEs, as a client does, so that times in a
// TZID resolve through them and not through a built-in table.
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}

function time(value) {
  if (value === null) {
    return null;
  }
  return {
    text: value.toString(),
    isDate: value.isDate,
    zone: value.zone ? value.zone.tzid : null,
    unix: value.isDate ? null : value.toUnixTime(),
  };
}

const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const hasEnd = vevent.hasProperty("dtend") || vevent.hasProperty("duration");
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    sequence: event.sequence,
    start: time(event.startDate),
    end: hasEnd ? time(event.endDate) : null,
    transp: vevent.getFirstPropertyValue("transp"),
    categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues()),
    url: vevent.getFirstPropertyValue("url"),
    links: vevent.getAllProperties("link").map((p) => ({
      value: p.getFirstValue(),
      label: p.getParameter("label"),
      linkrel: p.getParameter("linkrel"),
    })),
    relatedTo: vevent.getAllProperties("related-to").map((p) => ({
      value: p.getFirstValue(),
      reltype: p.getParameter("reltype"),
    })),
    lastModified: time(vevent.getFirstPropertyValue("last-modified")),
    dtstamp: time(vevent.getFirstPropertyValue("dtstamp")),
  };
});

const property = (name) => calendar.getFirstPropertyValue(name);
const duration = (name) => {
  const value = property(name);
  return value === null ? null : value.toSeconds();
};

process.stdout.write(JSON.stringify({
  prodid: property("prodid"),
  version: property("version"),
  method: property("method"),
  name: property("name"),
  xWrCalname: property("x-wr-calname"),
  description: property("description"),
  xWrCaldesc: property("x-wr-caldesc"),
  refreshInterval: duration("refresh-interval"),
  timezones: calendar.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid")),
  events,
}, null, 1));
