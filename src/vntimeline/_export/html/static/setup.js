// vntimeline's interactive timeline: lanes of SVG marks, zoom and pan, and a panel of
// sources and quotes for the event in focus. Hand-written, no dependency, no network.
//
// The page embeds the data as JSON (#vt-data; keys in vntimeline/_export/html/data.py).
// x values are days since 1970-01-01 UTC; null is an open side. Each view change
// (wheel, drag, pinch, keys, buttons) schedules one render in the next animation
// frame. A render draws the axis, then the events in view: each as its own focusable
// <g data-event-id> when there are at most MAX_NODES of them, else (zoomed far out
// over thousands of events) as one <path> per lane and mark type, found under the
// pointer by searching the events rather than the DOM. An event in focus is always
// kept, so panning never takes the focus away.
//
// This file and draw.js, panel.js and controls.js are the parts of one function,
// in that order: the page wraps them in "(function () { "use strict"; ... })();"
// (vntimeline/_export/html/page.py), so they share its variables and nothing leaks.
//
// setup.js: the state, small helpers, the data prepared once, the parts drawn once.

var started = performance.now();
var SVG = "http://www.w3.org/2000/svg";
var ROW = 24, PAD = 8, AXIS = 30, BAND = 18, BAR = 13, DIA = 6.5, RING = 8;
var MAX_NODES = 600, MIN_DAYS = 1, TICK_PX = 76, DAY_MS = 864e5, ELLIPSIS_PX = 12;

var root = document.getElementById("vt");
var data = JSON.parse(document.getElementById("vt-data").textContent);
var words = data.words, events = data.events, lanes = data.lanes;
var view = root.querySelector(".vt-view");
var laneBox = root.querySelector(".vt-lanes");
var panel = root.querySelector(".vt-panel");
var status = root.querySelector(".vt-status");
var svg = el("svg", {"class": "vt-svg", role: "group", "aria-label": data.title});
view.appendChild(svg);

var initial = [data.window[0], data.window[1]];
var lo = initial[0], hi = initial[1], width = 800, scale = 1, frame = 0;
var mode = "nodes", nodes = new Map(), pinned = null, shown = null, hideTimer = 0;
var measure = document.createElement("canvas").getContext("2d");

function el(name, attrs, text) {
  var node = document.createElementNS(SVG, name);
  for (var key in attrs) { node.setAttribute(key, attrs[key]); }
  if (text !== undefined) { node.textContent = text; }
  return node;
}

function html(name, attrs, text) {
  var node = document.createElement(name);
  for (var key in attrs) { node.setAttribute(key, attrs[key]); }
  if (text !== undefined && text !== null) { node.textContent = text; }
  return node;
}

function set(node, attrs) {
  for (var key in attrs) { node.setAttribute(key, attrs[key]); }
}

function num(value, open) { return value === null ? open : value; }

// --- the data, prepared once ------------------------------------------------
var laneTop = [], laneEvents = [], height = AXIS;
lanes.forEach(function (lane, n) {
  laneTop.push(height);
  laneEvents.push([]);
  height += lane.rows * ROW + 2 * PAD;
});
height += 2;
var lastInRow = {};
events.forEach(function (e, i) {
  e.index = i;
  e.dated = e.a !== undefined;
  if (!e.dated) { return; }
  e.a = num(e.a, -Infinity);
  e.b = num(e.b, Infinity);
  e.lo = Math.min(e.a, e.b);
  e.hi = Math.max(e.a, e.b);
  (e.bd || []).forEach(function (band) {
    band[0] = num(band[0], -Infinity);
    band[1] = num(band[1], Infinity);
    e.lo = Math.min(e.lo, band[0]);
    e.hi = Math.max(e.hi, band[1]);
  });
  e.y = laneTop[e.n] + PAD + e.r * ROW + ROW / 2;
  laneEvents[e.n].push(e);
  // The next event in the same row: how far this one's label may reach.
  var key = e.n + ":" + e.r;
  if (lastInRow[key]) { lastInRow[key].next = e; }
  lastInRow[key] = e;
});

// --- the static parts: defs, lane groups, lane names, undated events ---------
var defs = el("defs");
var hatch = el("pattern", {id: "vt-hatch", width: 6, height: 6,
  patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"});
hatch.appendChild(el("line", {x1: 0, y1: 0, x2: 0, y2: 6, "class": "vt-hatch-line"}));
defs.appendChild(hatch);
svg.appendChild(defs);
// Back to front: lane stripes, grid, today, then each lane's marks and labels.
var stripes = el("g", {"class": "vt-stripes", "aria-hidden": "true"});
var grid = el("g", {"class": "vt-grid", "aria-hidden": "true"});
var todayGroup = el("g", {"class": "vt-today", "aria-hidden": "true"});
svg.appendChild(stripes);
svg.appendChild(grid);
svg.appendChild(todayGroup);
var laneGroups = lanes.map(function (lane, n) {
  var g = el("g", {"class": "vt-lane", role: "group", "aria-label": lane.label});
  g.style.setProperty("--c", lane.color);
  var stripe = el("rect", {"class": "vt-stripe" + (n % 2 ? " vt-odd" : ""), x: 0,
    y: laneTop[n], height: lane.rows * ROW + 2 * PAD, width: 0});
  stripes.appendChild(stripe);
  var agg = el("g", {"class": "vt-agg", "aria-hidden": "true"});
  ["vt-band", "vt-band-c", "vt-band-h", "vt-band-b", "vt-bar", "vt-bar-b", "vt-dia",
    "vt-dia-h", "vt-ring"].forEach(function (cls) {
    agg.appendChild(el("path", {"class": cls, d: ""}));
  });
  g.appendChild(agg);
  var items = el("g", {"class": "vt-items"});
  g.appendChild(items);
  // Labels live apart from the focusable events, so an event's accessible name is its
  // aria-label alone (a shortened label is not a name); the hit area lies under them.
  var texts = el("g", {"class": "vt-labels", "aria-hidden": "true"});
  g.appendChild(texts);
  svg.appendChild(g);
  var name = html("div", {"class": "vt-lane-label"}, lane.label);
  name.style.setProperty("--c", lane.color);
  name.style.top = laneTop[n] + "px";
  name.style.height = (lane.rows * ROW + 2 * PAD) + "px";
  laneBox.appendChild(name);
  return {agg: agg, items: items, texts: texts, stripe: stripe};
});
laneBox.style.height = height + "px";
undatedList();

function label(e) {
  return e.t + ", " + e.d + ", " + data.statuses[e.s];
}

function undatedList() {
  var undated = events.filter(function (e) { return !e.dated; });
  var section = root.querySelector(".vt-undated");
  if (!undated.length) { return; }
  section.appendChild(html("h2", {id: "vt-undated-title"}, words.undated));
  var list = html("ul");
  undated.forEach(function (e) {
    var item = html("li");
    var button = html("button", {type: "button", "class": "vt-u", tabindex: "0",
      "data-event-id": e.i, "aria-label": label(e), "aria-haspopup": "dialog", dir: "auto"},
      e.t);
    item.appendChild(button);
    list.appendChild(item);
  });
  section.appendChild(list);
  section.hidden = false;
}
