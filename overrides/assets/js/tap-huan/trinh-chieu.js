/* Presentation mode of a training module (issue 15).
 *
 * The page is the source: every .tap-huan-slide block (written by hooks/hook_tap_huan.py)
 * becomes one reveal.js slide; "!!! ghi-chu" blocks become speaker notes (<aside
 * class="notes">), hidden on the page and in the slides, shown in the presenter view
 * (key S or the button: reveal.js's showNotes layout). The deck is a full-window dialog
 * (full screen when the browser allows it); the page behind it is inert. Keys: arrows,
 * space, Page Up/Down, Home/End; S notes; Esc leaves. Click the arrows or swipe.
 * A classic script, no inline code: works under the strict CSP and from file://.
 */
(function () {
  "use strict";

  var article = document.querySelector(".md-content__inner");
  var blocks = article ? article.querySelectorAll(".tap-huan-slide") : [];
  var actions = article ? article.querySelector(".tap-huan-actions") : null;
  if (!blocks.length || !actions || typeof window.Reveal !== "function") return;

  var en = (document.documentElement.getAttribute("lang") || "").indexOf("en") === 0;
  var W = en
    ? { deck: "Slides: ", close: "Leave the slides (Esc)", notes: "Speaker notes (S)",
        notesTitle: "Speaker notes", prev: "Previous slide", next: "Next slide",
        none: "No notes for this slide.", slide: "Slide" }
    : { deck: "Trình chiếu: ", close: "Thoát trình chiếu (Esc)", notes: "Ghi chú người trình bày (S)",
        notesTitle: "Ghi chú cho người trình bày", prev: "Trang trước", next: "Trang sau",
        none: "Trang này không có ghi chú.", slide: "Trang" };

  var present = actions.querySelector(".tap-huan-present");
  var print = actions.querySelector(".tap-huan-print");
  var deck = null;
  var root = null;
  actions.hidden = false;

  var lastTitle = "";

  /* Copy a page block into a slide: unique ids, notes as <aside class="notes">;
     a slide cut with "---" repeats its section's title, marked "(tiếp)". */
  function slideFrom(block, index) {
    var section = document.createElement("section");
    if (index === 0) {
      var h1 = article.querySelector("h1");
      if (h1) section.appendChild(h1.cloneNode(true));
    }
    var h2 = block.querySelector("h2");
    if (h2) {
      lastTitle = h2.textContent.replace(/\s+/g, " ").trim();
    } else if (index > 0 && lastTitle) {
      var cont = document.createElement("h2");
      cont.textContent = lastTitle + (en ? " (continued)" : " (tiếp)");
      section.appendChild(cont);
    }
    Array.prototype.forEach.call(block.childNodes, function (node) {
      section.appendChild(node.cloneNode(true));
    });
    Array.prototype.forEach.call(
      section.querySelectorAll(".headerlink, .tap-huan-actions, .tap-huan-stale"),
      function (el) { el.parentNode.removeChild(el); }
    );
    var aside = null;
    Array.prototype.forEach.call(section.querySelectorAll(".admonition.ghi-chu"), function (note) {
      var title = note.querySelector(".admonition-title");
      if (title) note.removeChild(title);
      aside = aside || document.createElement("aside");
      while (note.firstChild) aside.appendChild(note.firstChild);
      note.parentNode.removeChild(note);
    });
    if (aside) {
      aside.className = "notes";
      section.appendChild(aside);
    }
    Array.prototype.forEach.call(section.querySelectorAll("[id]"), function (el) {
      el.id = "tc-" + el.id;
    });
    ["aria-describedby", "aria-labelledby", "for"].forEach(function (name) {
      Array.prototype.forEach.call(section.querySelectorAll("[" + name + "]"), function (el) {
        el.setAttribute(name, el.getAttribute(name).split(" ").map(function (id) {
          return "tc-" + id;
        }).join(" "));
      });
    });
    section.setAttribute("aria-label", W.slide + " " + (index + 1));
    return section;
  }

  function button(className, text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function build() {
    var dialog = document.createElement("div");
    dialog.className = "tap-huan-deck";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    var h1 = article.querySelector("h1");
    dialog.setAttribute("aria-label", W.deck + (h1 ? h1.textContent.replace(/\s+/g, " ").trim() : ""));
    var bar = document.createElement("div");
    bar.className = "tap-huan-deck__bar";
    bar.appendChild(button("tap-huan-deck__notes", W.notes, toggleNotes));
    bar.appendChild(button("tap-huan-deck__close", W.close, close));
    bar.firstChild.setAttribute("aria-pressed", "false");
    var reveal = document.createElement("div");
    reveal.className = "reveal";
    reveal.setAttribute("tabindex", "-1");
    var slides = document.createElement("div");
    slides.className = "slides";
    Array.prototype.forEach.call(blocks, function (block, i) {
      slides.appendChild(slideFrom(block, i));
    });
    reveal.appendChild(slides);
    dialog.appendChild(bar);
    dialog.appendChild(reveal);
    return dialog;
  }

  function setInert(on) {
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el === root) return;
      if (on && !el.inert) {
        el.inert = true;
        el.setAttribute("data-tap-huan-inert", "");
      } else if (!on && el.hasAttribute("data-tap-huan-inert")) {
        el.inert = false;
        el.removeAttribute("data-tap-huan-inert");
      }
    });
  }

  /* Only the current slide can take focus; name the controls in the page language. */
  function sync() {
    deck.getSlides().forEach(function (s) {
      s.inert = !s.classList.contains("present");
    });
    var labels = { ".navigate-left": W.prev, ".navigate-right": W.next };
    Object.keys(labels).forEach(function (sel) {
      var b = root.querySelector(".controls " + sel);
      if (b) b.setAttribute("aria-label", labels[sel]);
    });
    Array.prototype.forEach.call(root.querySelectorAll(".controls .navigate-up, .controls .navigate-down"),
      function (b) { b.hidden = true; });
    var notes = root.querySelector(".speaker-notes");
    if (notes) {
      notes.setAttribute("data-label", W.notesTitle);
      notes.setAttribute("aria-label", W.notesTitle);
      notes.setAttribute("role", "region");
      if (!deck.getSlideNotes()) notes.textContent = W.none;
    }
  }

  function toggleNotes() {
    var on = !deck.getConfig().showNotes;
    deck.configure({ showNotes: on });
    root.classList.toggle("is-presenter", on);
    root.querySelector(".tap-huan-deck__notes").setAttribute("aria-pressed", on ? "true" : "false");
    sync();
    deck.layout();
  }

  function close() {
    if (!deck) return;
    if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    deck.destroy();
    deck = null;
    setInert(false);
    root.parentNode.removeChild(root);
    root = null;
    document.documentElement.classList.remove("tap-huan-presenting");
    present.focus();
  }

  function open() {
    if (deck) return;
    root = build();
    document.body.appendChild(root);
    document.documentElement.classList.add("tap-huan-presenting");
    setInert(true);
    if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {});
    }
    var reveal = root.querySelector(".reveal");
    deck = new window.Reveal(reveal, {
      embedded: true,
      hash: false,
      history: false,
      respondToHashChanges: false,
      controls: true,
      controlsTutorial: false,
      progress: true,
      slideNumber: "c/t",
      width: 1280,
      height: 720,
      margin: 0.04,
      center: false,
      transition: "none",
      backgroundTransition: "none",
      help: false,
      overview: false,
      showNotes: false,
      keyboard: { 27: close, 83: toggleNotes }
    });
    deck.initialize().then(function () {
      sync();
      deck.on("slidechanged", sync);
      reveal.addEventListener("click", function (event) {
        if (event.target.closest("a, button, input, label, .speaker-notes, .controls")) return;
        deck.next();
      });
      reveal.focus();
    });
  }

  present.addEventListener("click", open);
  print.addEventListener("click", function () { window.print(); });
  document.addEventListener("fullscreenchange", function () {
    if (deck) deck.layout();
  });
})();
