// vntimeline timeline, part 4 of 4 (see setup.js): zoom and pan by wheel, drag, pinch,
// keys and buttons, then the first render.

// --- zoom and pan -----------------------------------------------------------
function setView(a, b) {
  var full = initial[1] - initial[0], span = Math.min(Math.max(b - a, MIN_DAYS), full * 8);
  var middle = (a + b) / 2;
  middle = Math.min(Math.max(middle, initial[0] - full), initial[1] + full);
  lo = middle - span / 2;
  hi = middle + span / 2;
  schedule();
}

// Both read the view as it is now (lo..hi), not as last drawn: moves that come faster
// than frames add up.
function zoom(factor, atPx) {
  var at = atPx === undefined ? width / 2 : atPx, x = lo + at / width * (hi - lo);
  var span = (hi - lo) / factor;
  var a = x - at / width * span;
  setView(a, a + span);
}

function pan(pixels) {
  var days = pixels / width * (hi - lo);
  setView(lo - days, hi - days);
}

function reset() { setView(initial[0], initial[1]); }

function viewX(event) { return event.clientX - view.getBoundingClientRect().left; }

// In a page of its own the wheel zooms. Embedded in another page (a frame in the docs),
// the wheel scrolls that page, as a reader expects, and zooms with Ctrl or Cmd held
// (a touchpad's pinch comes as such a wheel); a sideways wheel pans in both.
var embedded = window.parent !== window;
view.addEventListener("wheel", function (event) {
  var unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? width : 1;
  if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
    event.preventDefault();
    pan(-event.deltaX * unit);
  } else if (!embedded || event.ctrlKey || event.metaKey) {
    event.preventDefault();
    zoom(Math.exp(-event.deltaY * unit * 0.0015), viewX(event));
  } else if (mode === "nodes") {
    status.textContent = words.wheel_hint;
  }
}, {passive: false});

var pointers = new Map(), dragging = false, moved = false, travelled = 0, pinch = 0;
view.addEventListener("pointerdown", function (event) {
  if (event.button !== 0) { return; }
  pointers.set(event.pointerId, viewX(event));
  moved = false;
  travelled = 0;
  pinch = 0;
});
view.addEventListener("pointermove", function (event) {
  if (!pointers.has(event.pointerId)) {
    if (mode === "paths" && event.pointerType === "mouse") { hover(event); }
    return;
  }
  var x = viewX(event), previous = pointers.get(event.pointerId);
  pointers.set(event.pointerId, x);
  if (pointers.size === 2) {
    var xs = Array.from(pointers.values()), distance = Math.abs(xs[0] - xs[1]);
    if (pinch && distance > 10) { zoom(distance / pinch, (xs[0] + xs[1]) / 2); }
    pinch = distance;
    moved = true;
    return;
  }
  travelled += Math.abs(x - previous);
  if (!dragging && travelled > 4) {
    dragging = moved = true;
    view.setPointerCapture(event.pointerId);
    view.classList.add("vt-dragging");
  }
  if (dragging) { pan(x - previous); }
});
function release(event) {
  pointers.delete(event.pointerId);
  pinch = 0;
  if (!pointers.size) {
    dragging = false;
    view.classList.remove("vt-dragging");
  }
}
view.addEventListener("pointerup", release);
view.addEventListener("pointercancel", release);

// Zoomed far out, events are paths: find the one under the pointer in the data.
function hover(event) {
  var box = svg.getBoundingClientRect(), x = event.clientX - box.left;
  var y = event.clientY - box.top, best = null, bestDistance = 8;
  events.forEach(function (e) {
    if (!e.dated || Math.abs(e.y - y) > ROW / 2) { return; }
    var a = px(e.a), b = e.k === "m" ? a : px(e.b);
    var distance = x < a ? a - x : x > b ? x - b : 0;
    if (distance < bestDistance) { best = e; bestDistance = distance; }
  });
  if (best && (!shown || shown.event !== best)) {
    show(best, null);
    panel.style.left = Math.min(Math.max(x, 8), root.clientWidth - panel.offsetWidth - 8) + "px";
    panel.style.top = (box.top - root.getBoundingClientRect().top + best.y + ROW) + "px";
  } else if (!best && shown && !shown.node && !pinned) {
    laterHide();
  }
}

root.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey) { return; }
  var key = event.key, inPanel = panel.contains(event.target);
  if (key === "Escape") {
    if (shown) { event.preventDefault(); hide(true); }
    return;
  }
  if (inPanel) { return; }
  var node = eventNode(event.target);
  if (node && (key === "Enter" || key === " ") && !panel.contains(node)) {
    event.preventDefault();
    open(node);
    return;
  }
  var actions = {
    "+": function () { zoom(1.5); }, "=": function () { zoom(1.5); },
    "-": function () { zoom(1 / 1.5); }, "_": function () { zoom(1 / 1.5); },
    ArrowLeft: function () { pan(width * (event.shiftKey ? 0.5 : 0.1)); },
    ArrowRight: function () { pan(-width * (event.shiftKey ? 0.5 : 0.1)); },
    Home: reset, "0": reset,
  };
  if (Object.prototype.hasOwnProperty.call(actions, key)) {
    event.preventDefault();
    actions[key]();
  }
});
root.querySelector(".vt-toolbar").addEventListener("click", function (event) {
  var button = event.target.closest("button");
  if (!button) { return; }
  var action = button.getAttribute("data-action");
  if (action === "in") { zoom(1.5); } else if (action === "out") { zoom(1 / 1.5); } else { reset(); }
});
window.addEventListener("resize", schedule);

measure.font = getComputedStyle(svg).getPropertyValue("--vt-label-font") || "12px sans-serif";
render();
root.setAttribute("data-state", "ready");
root.setAttribute("data-render-ms", (performance.now() - started).toFixed(1));
// For tests and benchmarks: the view, and the same moves the controls make.
window.vntimeline = {
  zoom: zoom, pan: pan, reset: reset, render: render,
  view: function () { return {lo: lo, hi: hi, mode: mode, nodes: nodes.size}; },
};
