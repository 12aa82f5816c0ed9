// vntimeline timeline, part 2 of 4 (see setup.js): drawing the axis and the events in view.

// --- drawing ----------------------------------------------------------------
function px(x) {
  if (x === -Infinity) { return -40; }
  if (x === Infinity) { return width + 40; }
  return (x - lo) * scale;
}

function schedule() {
  if (!frame) { frame = requestAnimationFrame(render); }
}

function render() {
  frame = 0;
  width = Math.max(view.clientWidth, 200);
  scale = width / (hi - lo);
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  laneGroups.forEach(function (g) { g.stripe.setAttribute("width", width); });
  drawAxis();
  drawToday();
  var margin = 60 / scale, inView = [];
  events.forEach(function (e) {
    if (e.dated && e.lo < hi + margin && e.hi > lo - margin) { inView.push(e); }
  });
  if (inView.length > MAX_NODES) {
    drawPaths(inView);
  } else {
    clearPaths();
    drawNodes(inView);
  }
  if (shown && shown.node && shown.node.isConnected) { place(shown.node); }
}

function ticks() {
  var units = [["d", 1], ["d", 2], ["d", 7], ["m", 1], ["m", 3], ["m", 6], ["y", 1],
    ["y", 2], ["y", 5], ["y", 10], ["y", 20], ["y", 50], ["y", 100], ["y", 500]];
  var length = {d: 1, m: 30.44, y: 365.25};
  for (var i = 0; i < units.length; i++) {
    if (units[i][1] * length[units[i][0]] * scale >= TICK_PX) { return units[i]; }
  }
  return units[units.length - 1];
}

function dayOf(x) { return new Date(Math.floor(x + data.offset) * DAY_MS); }

function drawAxis() {
  grid.textContent = "";
  var unit = ticks(), step = unit[1], first = dayOf(lo), x, label, count = 0;
  var y = first.getUTCFullYear(), m = first.getUTCMonth();
  var d = Math.floor(lo + data.offset);
  if (unit[0] === "y") { y = Math.floor(y / step) * step; m = 0; }
  if (unit[0] === "m") { m = Math.floor(m / step) * step; }
  if (unit[0] === "d") { d = Math.floor(d / step) * step; }
  while (count++ < 400) {
    if (unit[0] === "d") {
      var day = new Date(d * DAY_MS);
      x = d - data.offset;
      label = day.getUTCDate() + " " + data.monthsShort[day.getUTCMonth()];
      d += step;
    } else {
      x = Date.UTC(y, m, 1) / DAY_MS - data.offset;
      label = unit[0] === "y" ? String(y) : data.monthsShort[m] + " " + y;
      m += unit[0] === "m" ? step : 0;
      y += unit[0] === "y" ? step : Math.floor(m / 12);
      m %= 12;
    }
    if (x > hi) { break; }
    if (x < lo) { continue; }
    var at = Math.round(px(x)) + 0.5;
    grid.appendChild(el("line", {x1: at, x2: at, y1: AXIS - 6, y2: height}));
    grid.appendChild(el("text", {x: at + 4, y: AXIS - 10}, label));
  }
}

function drawToday() {
  todayGroup.textContent = "";
  var now = Date.now() / DAY_MS;
  if (now < initial[0] || now > initial[1] || now < lo || now > hi) { return; }
  var at = Math.round(px(now)) + 0.5;
  todayGroup.appendChild(el("line", {x1: at, x2: at, y1: AXIS - 4, y2: height}));
  todayGroup.appendChild(el("text", {x: at + 4, y: height - 6}, words.today));
}

function clamp(x) { return Math.min(Math.max(x, -40), width + 40); }

function rect(x0, x1, y, h) {
  var a = clamp(x0), b = clamp(x1);
  return {x: Math.min(a, b), y: y - h / 2, width: Math.max(Math.abs(b - a), 1), height: h};
}

function bandClass(e) {
  return e.bs === "c" ? "vt-band-c" : e.bs === "b" ? "vt-band-b" : "vt-band";
}

// The marks of one event: bands, then a bar or a diamond, then a ring, arrows, whisker.
function marks(e) {
  var out = [], left = Infinity, right = -Infinity, middle;
  (e.bd || []).forEach(function (band) {
    var r = rect(px(band[0]), px(band[1]), e.y, BAND);
    out.push(["rect", bandClass(e), r]);
    if (e.bs === "c") { out.push(["rect", "vt-band-h", r]); }
    left = Math.min(left, r.x);
    right = Math.max(right, r.x + r.width);
  });
  if (e.k === "m") {
    middle = px(e.a);
    out.push(["path", e.h ? "vt-dia-h" : "vt-dia", {d: diamond(middle, e.y)}]);
    left = Math.min(left, middle - DIA);
    right = Math.max(right, middle + DIA);
  } else {
    var a = clamp(px(e.a)), b = Math.max(clamp(px(e.b)), a + 3);
    out.push(["rect", e.bs === "b" ? "vt-bar-b" : "vt-bar",
      {x: a, y: e.y - BAR / 2, width: b - a, height: BAR}]);
    middle = (a + b) / 2;
    left = Math.min(left, a);
    right = Math.max(right, b);
    if (e.o) {
      out.push(["line", "vt-whisker", {x1: b, x2: b + 18, y1: e.y, y2: e.y}]);
      right = Math.max(right, b + 18);
    }
  }
  if (e.c) {
    out.push(["circle", "vt-ring", {cx: middle, cy: e.y, r: RING}]);
    left = Math.min(left, middle - RING);
    right = Math.max(right, middle + RING);
  }
  if (e.lo === -Infinity) {
    out.push(["path", "vt-arrow", {d: "M2," + e.y + "l8,-5v10z"}]);
    left = Math.min(left, 0);
  }
  if (e.hi === Infinity) {
    out.push(["path", "vt-arrow", {d: "M" + (width - 2) + "," + e.y + "l-8,-5v10z"}]);
    right = Math.max(right, width);
  }
  return {shapes: out, left: Math.max(left, -40), right: Math.min(right, width + 40)};
}

function diamond(x, y) {
  return "M" + x.toFixed(1) + "," + (y - DIA) + "l" + DIA + "," + DIA + "l-" + DIA + "," +
    DIA + "l-" + DIA + ",-" + DIA + "z";
}

function textWidth(text) {
  return measure.measureText(text).width;
}

// The label's text where it has *room* pixels: whole, shortened with "…", or none. A
// title is measured once; shortening assumes its letters are of even width (with a
// margin), since measuring every candidate at every frame would cost more than drawing.
function fit(e, room) {
  if (e.tw === undefined) { e.tw = textWidth(e.t); }
  if (e.tw <= room) { return e.t; }
  if (room < 48) { return ""; }
  room = Math.floor(room / 32) * 32;  // a label's text changes every 32 pixels, not every one
  var keep = Math.floor(e.t.length * (room - ELLIPSIS_PX) / e.tw * 0.95);
  return keep > 0 ? e.t.slice(0, keep).trimEnd() + "\u2026" : "";
}

function createNode(e) {
  var g = el("g", {"class": "vt-ev", tabindex: "0", role: "button", "data-event-id": e.i,
    "aria-label": label(e), "aria-haspopup": "dialog"});
  g.vtEvent = e;
  return g;
}

// Draw one event; *taken* is how far right its row is already drawn. The label goes
// right of the mark, or left of it where the right has less room, or shortened.
function drawNode(e, g, taken) {
  var drawn = marks(e), right = drawn.right + 5, left = drawn.left - 5;
  var roomRight = Math.min((e.next ? px(e.next.lo) - 8 : width) - right, 400);
  var roomLeft = Math.min(left - Math.max(taken + 8, 0), 400);
  if (e.tw === undefined) { e.tw = textWidth(e.t); }
  var onLeft = e.tw > roomRight && roomLeft > roomRight;
  var room = onLeft ? roomLeft : roomRight;
  var text = fit(e, room);
  var textWidthNow = text ? (text === e.t ? e.tw : room) : 0;
  var from = onLeft ? left - textWidthNow : drawn.left;
  var to = onLeft ? drawn.right : right + textWidthNow;
  if (!g.vtShapes) {
    // An event always has the same shapes: made once, then only moved.
    g.vtHit = el("rect", {"class": "vt-hit", y: e.y - ROW / 2 + 1, height: ROW - 2, rx: 3});
    g.appendChild(g.vtHit);
    g.vtShapes = drawn.shapes.map(function (shape) {
      return g.appendChild(el(shape[0], {"class": shape[1]}));
    });
  }
  set(g.vtHit, {x: from - 4, width: to - from + 8});
  drawn.shapes.forEach(function (shape, i) { set(g.vtShapes[i], shape[2]); });
  var label = g.vtLabel;
  if (label.textContent !== text) { label.textContent = text; }
  set(label, {x: onLeft ? left : right, y: e.y + 4, "text-anchor": onLeft ? "end" : "start"});
  return to;
}

function drawNodes(inView) {
  mode = "nodes";
  var keep = new Set(inView);
  var focused = document.activeElement && document.activeElement.vtEvent;
  if (focused) { keep.add(focused); }
  if (shown && shown.event.dated) { keep.add(shown.event); }
  nodes.forEach(function (g, e) {
    if (!keep.has(e)) { g.remove(); g.vtLabel.remove(); nodes.delete(e); }
  });
  laneEvents.forEach(function (list, n) {
    var items = laneGroups[n].items, previous = null, taken = {};
    list.forEach(function (e) {
      if (!keep.has(e)) { return; }
      var g = nodes.get(e);
      if (!g) {
        g = createNode(e);
        g.vtLabel = el("text", {"class": "vt-label"});
        laneGroups[n].texts.appendChild(g.vtLabel);
        nodes.set(e, g);
        // Existing nodes are already in time order: insert the new one after the last
        // kept one before it, so Tab visits the lane in time order.
        items.insertBefore(g, previous ? previous.nextSibling : items.firstChild);
      }
      taken[e.r] = drawNode(e, g, taken[e.r] === undefined ? -Infinity : taken[e.r]);
      previous = g;
    });
  });
  status.textContent = "";
}

function clearPaths() {
  if (mode !== "paths") { return; }
  laneGroups.forEach(function (g) {
    Array.prototype.forEach.call(g.agg.children, function (p) { p.setAttribute("d", ""); });
  });
}

function drawPaths(inView) {
  drawNodes([]);
  mode = "paths";
  var paths = laneGroups.map(function () { return {}; });
  inView.forEach(function (e) {
    var into = paths[e.n];
    marks(e).shapes.forEach(function (shape) {
      var cls = shape[1], a = shape[2], d;
      if (shape[0] === "rect") {
        d = "M" + a.x.toFixed(1) + "," + a.y + "h" + a.width.toFixed(1) + "v" + a.height +
          "h" + (-a.width).toFixed(1) + "z";
      } else if (shape[0] === "circle") {
        d = "M" + (a.cx - a.r).toFixed(1) + "," + a.cy + "a" + a.r + "," + a.r + " 0 1 0 " +
          2 * a.r + ",0a" + a.r + "," + a.r + " 0 1 0 " + -2 * a.r + ",0";
      } else if (shape[0] === "path") {
        d = a.d;
      } else {
        return;
      }
      (into[cls] = into[cls] || []).push(d);
    });
  });
  laneGroups.forEach(function (g, n) {
    Array.prototype.forEach.call(g.agg.children, function (p) {
      var parts = paths[n][p.getAttribute("class")];
      p.setAttribute("d", parts ? parts.join("") : "");
    });
  });
  status.textContent = words.zoom_hint.replace("{count}", inView.length);
}
