/*
 * Vietnamese search on top of Material's search worker (issue 8).
 *
 * Loaded in <head> (extra.polyfills; also works with "defer", as long as it runs
 * before Material's bundle creates its search worker), it wraps window.Worker (or iframe-worker's shim on file://) for the
 * search worker only:
 *
 * - every query sent to the worker is folded: NFC or NFD, with or without
 *   diacritics, "đ" or "d" — "thi đua" and "thi dua" are the same query; the
 *   index carries folded copies of the words (hooks/thidua/search/index.py);
 * - ranking (issue 17): whole words before prefixes, words as typed (with their
 *   diacritics) before folded matches, entries with all the typed words first;
 * - results come back in the page's language first (one index holds both);
 * - a result shows its "teaser" (hooks/thidua_mkdocs/search/teaser.py) when the
 *   index has one, instead of the raw text;
 * - accented words are highlighted in the results although the folded copy
 *   matched, and the highlight link (?h=) carries the words as typed.
 *
 * A classic script without dependencies; without it the stock search still runs.
 */
(function () {
  "use strict";

  var Native = window.Worker;
  if (typeof Native !== "function" || Native.__thiduaSearch) {
    return;
  }
  var QUERY = 2;
  var RESULT = 3;
  var SEPARATOR = /[\s\-]+/;
  var WORD = /[^\s\-<>"'()[\]{},.;:!?]+/g;

  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d")
      .replace(/\u0110/g, "D")
      .normalize("NFC");
  }

  /*
   * "Điều 24", "khoản 1 Điều 24": the article and its number must both match
   * (lunr's "+" presence); other words stay optional, as in Material.
   */
  function requireCitations(query) {
    return query.replace(/(^|\s)(dieu)\s+(\d+[a-z]?)(?=\s|$)/gi, "$1+$2* +$3*");
  }

  /*
   * Ranking (issue 17). Material appends "*" to every word, and lunr scores a word
   * found by that prefix ("san*" → "sáng", "sánh") as much as the word itself, so
   * "thai san" ranked "So sánh", "Sáng kiến" above "thai sản". Each plain word is
   * therefore also asked for exactly, with a boost (lunr's "^N", which Material
   * leaves without "*"): whole words before prefixes. A word typed with diacritics
   * is also asked for as typed: the index keeps the accented words in title/text
   * beside their folded copies, so "sản" ranks pages with "sản" above pages where
   * only the folded "san" (of "sạn", "sấn"…) matched. The prefix stays, so a word
   * still being typed finds its pages.
   */
  var EXACT = 10;
  var AS_TYPED = 10;
  var PLAIN_WORD = /^[0-9a-z\u00c0-\u024f\u1e00-\u1eff]+$/;

  function rank(query, raw) {
    var typed = {};
    raw.toLowerCase().split(/\s+/).forEach(function (word) {
      typed[fold(word)] = word;
    });
    return query.split(/\s+/).map(function (word) {
      var lower = word.toLowerCase();
      if (!PLAIN_WORD.test(lower)) {
        return word;
      }
      var parts = [word, lower + "^" + EXACT];
      var asTyped = typed[lower];
      if (asTyped && asTyped !== lower && PLAIN_WORD.test(asTyped)) {
        parts.push(asTyped + "^" + AS_TYPED);
      }
      return parts.join(" ");
    }).join(" ");
  }

  function pageLanguage() {
    return (document.documentElement.getAttribute("lang") || "vi").slice(0, 2).toLowerCase();
  }

  function languageOf(location) {
    return /^en(\/|#|$)/.test(location) ? "en" : "vi";
  }

  /* Groups of the page's language first; the worker's order otherwise. */
  function languageFirst(groups) {
    var lang = pageLanguage();
    var mine = [];
    var others = [];
    groups.forEach(function (group) {
      var first = group && group[0];
      (first && languageOf(first.location) === lang ? mine : others).push(group);
    });
    return mine.concat(others);
  }

  /*
   * All the words typed before some of them (issue 17). lunr joins the words of a
   * query with OR and a title match weighs 1000 times a text match, so one common
   * word in a title ("nghi" of "Nghị định") outranked a section with every word
   * ("nghỉ thai sản"). Among the first groups, those whose best entry (the one that
   * gave the group its rank) has more of the typed words come first; Material's
   * order is kept otherwise (a stable sort). A word counts 1 when found as typed
   * (with its diacritics, if typed with them), 0.75 when found only without
   * diacritics, and the last word 0.5 when only the beginning of a word (it may
   * still be being typed); the words found side by side, as typed, add 0.5.
   */
  var RERANK = 50;

  function wordsOf(html) {
    var text = String(html).replace(/<[^>]*>/g, " ").normalize("NFC").toLowerCase();
    var list = text.match(WORD) || [];
    var exact = {};
    var folded = {};
    list.forEach(function (word) {
      exact[word] = true;
      folded[fold(word)] = true;
    });
    return { exact: exact, folded: folded, phrase: " " + fold(list.join(" ")) + " " };
  }

  function coverage(item, typed) {
    var words = wordsOf(item.title + " " + item.text);
    var total = 0;
    typed.forEach(function (word, i) {
      var plain = fold(word);
      if (words.exact[word]) {
        total += 1;
      } else if (words.folded[plain]) {
        total += word === plain ? 1 : 0.75;
      } else if (i === typed.length - 1) {
        for (var key in words.folded) {
          if (key.lastIndexOf(plain, 0) === 0) {
            total += 0.5;
            break;
          }
        }
      }
    });
    if (words.phrase.indexOf(" " + fold(typed.join(" ")) + " ") >= 0) {
      total += 0.5;
    }
    return total;
  }

  function allWordsFirst(groups, typed) {
    if (typed.length < 2) {
      return groups;
    }
    var head = groups.slice(0, RERANK).map(function (group, index) {
      var top = group[0];
      group.forEach(function (item) {
        top = item.score > top.score ? item : top;
      });
      return { group: group, index: index, best: coverage(top, typed) };
    });
    head.sort(function (a, b) {
      return b.best - a.best || a.index - b.index;
    });
    return head.map(function (entry) {
      return entry.group;
    }).concat(groups.slice(RERANK));
  }

  /* The query term that `word` starts with (folded), or null. */
  function matches(word, terms) {
    var folded = fold(word).toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      if (folded.lastIndexOf(terms[i], 0) === 0) {
        return terms[i];
      }
    }
    return null;
  }

  /*
   * Mark the words of the text nodes under `root`; true when one was marked.
   * `seen` collects, for each term, the first word it marked, as written.
   */
  function markWords(root, terms, seen) {
    var found = false;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var parts = [];
      var last = 0;
      text.replace(WORD, function (word, offset) {
        var term = matches(word, terms);
        if (term) {
          var prefix = word.normalize("NFC").toLowerCase().slice(0, term.length);
          if (!(term in seen) && fold(prefix) === term) {
            seen[term] = prefix;
          }
          parts.push(text.slice(last, offset));
          parts.push({ mark: word });
          last = offset + word.length;
        }
        return word;
      });
      if (!parts.length) {
        return;
      }
      found = true;
      parts.push(text.slice(last));
      var fragment = document.createDocumentFragment();
      parts.forEach(function (part) {
        if (typeof part === "string") {
          fragment.appendChild(document.createTextNode(part));
        } else {
          var mark = document.createElement("mark");
          mark.textContent = part.mark;
          fragment.appendChild(mark);
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    return found;
  }

  /* Re-highlight an HTML string; for the text, keep at most two blocks with matches. */
  function highlight(html, terms, blocks, seen) {
    var template = document.createElement("template");
    template.innerHTML = String(html).replace(/<\/?mark>/g, "");
    var content = template.content;
    if (!blocks) {
      markWords(content, terms, seen);
      return template.innerHTML;
    }
    var kept = [];
    Array.prototype.slice.call(content.childNodes).forEach(function (child) {
      if (markWords(child, terms, seen) && kept.length < 2) {
        kept.push(child);
      }
    });
    if (!kept.length) {
      return template.innerHTML;
    }
    var out = document.createElement("div");
    kept.forEach(function (child) {
      out.appendChild(child);
    });
    return out.innerHTML;
  }

  /*
   * search.suggest: Material completes the last word from the best result's title,
   * but its title field has the accented words and the query is folded. Complete it
   * from that title ourselves: "danh hiệ" → "hiệu", "danh hie" → "hieu".
   */
  function suggest(data, last) {
    var current = data.suggest;
    var best = data.items[0] && data.items[0][0];
    if (current === undefined || !last || !best) {
      return;
    }
    if (current.length && current[current.length - 1].lastIndexOf(last, 0) === 0) {
      return;
    }
    var folded = fold(last);
    var title = String(best.title).replace(/<[^>]*>/g, "");
    var words = title.match(WORD) || [];
    for (var i = 0; i < words.length; i++) {
      var word = words[i].normalize("NFC").toLowerCase();
      var plain = fold(word);
      if (plain.length > folded.length && plain.lastIndexOf(folded, 0) === 0) {
        data.suggest = [word.lastIndexOf(last, 0) === 0 ? word : plain];
        return;
      }
    }
  }

  function patch(worker) {
    var post = worker.postMessage;
    var typed = {};
    var typedWords = [];
    var lastWord = "";

    worker.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var raw = message.data.normalize("NFC");
        lastWord = raw.split(SEPARATOR).pop().toLowerCase();
        typed = {};
        typedWords = [];
        raw.split(SEPARATOR).forEach(function (word) {
          if (word) {
            typed[fold(word).toLowerCase()] = word.toLowerCase();
          }
          if (PLAIN_WORD.test(word.toLowerCase())) {
            typedWords.push(word.toLowerCase());
          }
        });
        var cited = requireCitations(fold(raw));
        /* A citation ("khoản 1 Điều 24") already requires its article: lunr's order. */
        if (cited !== fold(raw)) {
          typedWords = [];
        }
        message = { type: QUERY, data: rank(cited, raw) };
      }
      return post.call(worker, message);
    };

    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== RESULT || !message.data || !message.data.items) {
        return;
      }
      var items = message.data.items;
      items.forEach(function (group) {
        group.forEach(function (item) {
          var terms = [];
          Object.keys(item.terms || {}).forEach(function (term) {
            var plain = fold(term);
            if (item.terms[term] && terms.indexOf(plain) < 0) {
              terms.push(plain);
            }
          });
          var seen = {};
          /* A cleaner snippet written by the index hook (teaser.py), if any. */
          if (typeof item.teaser === "string") {
            item.text = item.teaser;
          }
          if (terms.length) {
            item.title = highlight(item.title, terms, false, seen);
            item.text = highlight(item.text, terms, true, seen);
          }
          /*
           * Terms as the reader typed them, or as the page writes them when typed
           * without diacritics: Material puts them in the ?h= link that highlights
           * them on the page ("dua" → "đua").
           */
          var renamed = {};
          Object.keys(item.terms || {}).forEach(function (term) {
            var word = typed[term] || term;
            var key = /^[\x00-\x7f]*$/.test(word) ? seen[term] || word : word;
            renamed[key] = renamed[key] || item.terms[term];
          });
          item.terms = renamed;
        });
      });
      var ordered = languageFirst(allWordsFirst(items, typedWords));
      items.length = 0;
      Array.prototype.push.apply(items, ordered);
      suggest(message.data, lastWord);
    });
    return worker;
  }

  function Worker(url, options) {
    var worker = options === undefined ? new Native(url) : new Native(url, options);
    return /workers\/search\./.test(String(url)) ? patch(worker) : worker;
  }
  Worker.prototype = Native.prototype;
  Worker.__thiduaSearch = true;
  window.Worker = Worker;
  window.thiduaSearchFold = fold;
})();
