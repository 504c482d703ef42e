/* Quizzes of the training modules (issue 15): grade in the browser, explain each
 * answer with its legal basis, keep progress in localStorage.
 *
 * Without this script the quiz is a worksheet and the answer key follows it (on its
 * own printed page); with it the key is hidden on screen and each question has a
 * "Kiểm tra" button. Messages come from data-* attributes written by the template.
 */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function storage() {
    try {
      var probe = "thidua.probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function setup(quiz) {
    var store = storage();
    var key = "thidua.tap-huan." + quiz.getAttribute("data-store");
    var state = { answers: {}, checked: {} };
    try {
      var saved = store && JSON.parse(store.getItem(key) || "null");
      if (saved && saved.answers && saved.checked) state = saved;
    } catch (e) { /* unreadable progress: start again */ }
    var questions = quiz.querySelectorAll(".tap-huan-q");
    var summary = quiz.querySelector(".tap-huan-quiz__summary");
    var score = quiz.querySelector(".tap-huan-quiz__score");
    var answerKey = quiz.parentNode.querySelector(".tap-huan-key");
    if (answerKey) answerKey.classList.add("is-js");
    quiz.classList.add("is-ready");

    function save() {
      if (!store) return;
      try { store.setItem(key, JSON.stringify(state)); } catch (e) { /* full or blocked */ }
    }

    function chosen(q) {
      var out = [];
      each(q.querySelectorAll("input:checked"), function (input) { out.push(input.value); });
      return out;
    }

    function clear(q) {
      each(q.querySelectorAll(".tap-huan-q__option"), function (li) {
        li.classList.remove("is-right", "is-wrong", "is-answer");
        li.querySelector(".tap-huan-q__why").hidden = true;
        var mark = li.querySelector(".tap-huan-q__mark");
        if (mark) mark.parentNode.removeChild(mark);
      });
      q.querySelector(".tap-huan-q__basis").hidden = true;
      q.querySelector(".tap-huan-q__result").textContent = "";
      q.classList.remove("is-right", "is-wrong");
    }

    function grade(q) {
      clear(q);
      var picked = chosen(q);
      var result = q.querySelector(".tap-huan-q__result");
      if (!picked.length) {
        result.textContent = quiz.getAttribute("data-empty");
        return null;
      }
      var answer = q.getAttribute("data-answer").split(" ");
      var right = picked.length === answer.length && picked.every(function (k) {
        return answer.indexOf(k) >= 0;
      });
      var letters = [];
      each(q.querySelectorAll(".tap-huan-q__option"), function (li) {
        var k = li.getAttribute("data-key");
        var isAnswer = answer.indexOf(k) >= 0;
        var isPicked = picked.indexOf(k) >= 0;
        if (isAnswer) {
          li.classList.add("is-answer");
          var letter = li.querySelector(".tap-huan-q__letter");
          letters.push(letter ? letter.textContent.replace(".", "") : li.querySelector("label").textContent);
        }
        if (isPicked || isAnswer) {
          li.classList.add(isAnswer ? "is-right" : "is-wrong");
          var mark = document.createElement("strong");
          mark.className = "tap-huan-q__mark";
          mark.textContent = (isAnswer ? "✓ " : "✗ ");
          var why = li.querySelector(".tap-huan-q__why");
          why.insertBefore(mark, why.firstChild);
          why.hidden = false;
        }
      });
      q.querySelector(".tap-huan-q__basis").hidden = false;
      q.classList.add(right ? "is-right" : "is-wrong");
      result.textContent = right
        ? quiz.getAttribute("data-right")
        : quiz.getAttribute("data-wrong") + " " + quiz.getAttribute("data-right-answer") + ": " + letters.join(", ") + ".";
      return right;
    }

    function update() {
      var answered = 0;
      var right = 0;
      each(questions, function (q) {
        if (state.checked[q.id] === undefined) return;
        answered += 1;
        if (state.checked[q.id]) right += 1;
      });
      summary.hidden = answered === 0;
      score.textContent = quiz.getAttribute("data-score")
        .replace("{answered}", answered).replace("{total}", questions.length).replace("{right}", right);
    }

    each(questions, function (q) {
      q.querySelector(".tap-huan-q__controls").hidden = false;
      var saved = state.answers[q.id] || [];
      each(q.querySelectorAll("input"), function (input) {
        input.checked = saved.indexOf(input.value) >= 0;
        input.addEventListener("change", function () {
          state.answers[q.id] = chosen(q);
          delete state.checked[q.id];
          clear(q);
          save();
          update();
        });
      });
      if (state.checked[q.id] !== undefined) grade(q);
      q.querySelector(".tap-huan-q__check").addEventListener("click", function () {
        var right = grade(q);
        state.answers[q.id] = chosen(q);
        if (right === null) delete state.checked[q.id];
        else state.checked[q.id] = right;
        save();
        update();
      });
    });

    quiz.querySelector(".tap-huan-quiz__reset").addEventListener("click", function () {
      state = { answers: {}, checked: {} };
      each(questions, function (q) {
        each(q.querySelectorAll("input"), function (input) { input.checked = false; });
        clear(q);
      });
      save();
      update();
      var first = quiz.querySelector("input");
      if (first) first.focus();
    });
    update();
  }

  each(document.querySelectorAll(".tap-huan-quiz"), setup);
})();
