// vntimeline timeline, part 3 of 4 (see setup.js): the panel of the event in focus or
// under the pointer, with its date, status, explanation, sources and their words.

// --- the panel --------------------------------------------------------------
function fill(e) {
  panel.textContent = "";
  var close = html("button", {type: "button", "class": "vt-close",
    "aria-label": words.close}, "\u00d7");
  close.addEventListener("click", function () { hide(true); });
  panel.appendChild(close);
  panel.appendChild(html("h2", {id: "vt-panel-title", dir: "auto"}, e.t));
  var facts = html("dl");
  [[words.date, e.d + (e.v ? " (" + e.v + ")" : "")], [words.status, data.statuses[e.s]],
    [words.explanation, e.x]].forEach(function (pair) {
    facts.appendChild(html("dt", {}, pair[0]));
    facts.appendChild(html("dd", {dir: "auto"}, pair[1]));
  });
  panel.appendChild(facts);
  panel.appendChild(html("h3", {}, words.sources));
  var list = html("ul", {"class": "vt-claims"});
  e.cl.forEach(function (claim) { list.appendChild(claimItem(claim)); });
  panel.appendChild(list);
}

function claimItem(claim) {
  var source = data.sources[claim[0]], item = html("li");
  var name = source.p + " \u2014 " + source.t;
  // Only http(s) addresses become links; anything else stays text.
  var link = source.u && /^https?:\/\//i.test(source.u) ?
    html("a", {href: source.u, target: "_blank", rel: "noopener noreferrer", dir: "auto"}, name) :
    html("span", {dir: "auto"}, name);
  item.appendChild(link);
  if (source.d) { item.appendChild(document.createTextNode(" (" + source.d + ")")); }
  item.appendChild(html("p", {"class": "vt-claim-date"}, words.date + ": " + claim[1]));
  if (claim[2]) {
    var quote = html("blockquote", {"class": "vt-quote", lang: source.g, dir: "auto"},
      claim[2]);
    item.appendChild(quote);
  }
  if (claim[3]) { item.appendChild(html("p", {"class": "vt-note", dir: "auto"}, claim[3])); }
  if (claim[4] === 1) {
    item.appendChild(html("p", {"class": "vt-followed"}, words.followed));
  } else if (claim[4]) {
    item.appendChild(html("p", {"class": "vt-dissent", dir: "auto"},
      words.not_followed + ": " + claim[4]));
  }
  return item;
}

function show(e, node) {
  clearTimeout(hideTimer);
  if (!shown || shown.event !== e) { fill(e); }
  if (shown && shown.node !== node && shown.node) { shown.node.classList.remove("vt-on"); }
  shown = {event: e, node: node};
  if (node) { node.classList.add("vt-on"); }
  panel.hidden = false;
  place(node);
}

function place(node) {
  var box = root.getBoundingClientRect();
  var at = node ? node.getBoundingClientRect() : box;
  var gap = 8, w = panel.offsetWidth, h = panel.offsetHeight;
  var left = Math.min(Math.max(at.left - box.left, gap), box.width - w - gap);
  var top = at.bottom - box.top + gap;
  if (at.bottom + gap + h > window.innerHeight && at.top - box.top - gap - h >= 0) {
    top = at.top - box.top - gap - h;
  }
  panel.style.left = Math.max(left, 0) + "px";
  panel.style.top = top + "px";
}

function hide(returnFocus) {
  clearTimeout(hideTimer);
  if (!shown) { return; }
  var node = shown.node;
  if (node) { node.classList.remove("vt-on"); node.removeAttribute("aria-expanded"); }
  shown = null;
  pinned = null;
  panel.hidden = true;
  if (returnFocus && node && node.isConnected) { node.focus(); }
}

function laterHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(function () {
    if (pinned || panel.contains(document.activeElement) || panel.matches(":hover")) { return; }
    var active = document.activeElement;
    if (active && active.vtEvent && shown && active === shown.node) { return; }
    hide(false);
  }, 250);
}

function eventNode(target) {
  return target && target.closest ? target.closest("[data-event-id]") : null;
}

function eventOf(node) {
  if (node.vtEvent) { return node.vtEvent; }
  var id = node.getAttribute("data-event-id");
  return events.find(function (e) { return e.i === id; });
}

function open(node) {
  var e = eventOf(node);
  show(e, node);
  pinned = e;
  node.setAttribute("aria-expanded", "true");
  panel.focus();
}

root.addEventListener("focusin", function (event) {
  var node = eventNode(event.target);
  if (node && root.contains(node) && !panel.contains(node)) {
    if (pinned && eventOf(node) !== pinned) { pinned = null; }
    show(eventOf(node), node);
  }
});
root.addEventListener("focusout", function (event) {
  if (!root.contains(event.relatedTarget) || !eventNode(event.relatedTarget)) {
    if (!panel.contains(event.relatedTarget)) { laterHide(); }
  }
});
root.addEventListener("pointerover", function (event) {
  var node = eventNode(event.target);
  if (node && !panel.contains(node) && !pinned && !dragging) { show(eventOf(node), node); }
});
root.addEventListener("pointerout", function (event) {
  if (eventNode(event.target) && !eventNode(event.relatedTarget) && !pinned) { laterHide(); }
});
panel.addEventListener("pointerleave", function () { if (!pinned) { laterHide(); } });
root.addEventListener("click", function (event) {
  if (moved) { return; }
  var node = eventNode(event.target);
  if (node && !panel.contains(node)) { open(node); }
});
