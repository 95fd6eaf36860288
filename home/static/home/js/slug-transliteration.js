// Page slugs in the editor by the official Bulgarian transliteration, as home/slugs.py makes them.
// Wagtail's slug field (the Stimulus "w-slug" controller) runs its "formatters" (regex
// replacements) before it makes the slug from the title or from what the editor typed, so the
// table goes in as formatters and Wagtail does the rest.
(function () {
  "use strict";

  // The law's table; home/slugs.py holds the same one (tests/home/test_slugs.py compares them).
  var BULGARIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
    "ѝ": "i"
  };
  // The country's name keeps its traditional spelling (чл. 6 of the law).
  var WHOLE_WORDS = {"българия": "bulgaria"};

  var FORMATTERS = Object.keys(WHOLE_WORDS).map(function (word) {
    return [["(?<!\\p{L})" + word + "(?!\\p{L})", "giu"], WHOLE_WORDS[word]];
  }).concat([
    // "ия" at the end of a word (no letter follows) is "ia": София → Sofia.
    [["ия(?!\\p{L})", "giu"], "ia"],
    // Wagtail's urlify keeps a leading "-" and does not drop leading or trailing "_".
    [["^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "gu"], ""]
  ]).concat(
    Object.keys(BULGARIAN_TO_LATIN).map(function (letter) {
      return [[letter, "giu"], BULGARIAN_TO_LATIN[letter]];
    })
  );

  function transliterateSlugInputs() {
    var value = JSON.stringify(FORMATTERS);
    document.querySelectorAll('input[data-controller~="w-slug"]').forEach(function (input) {
      input.setAttribute("data-w-slug-formatters-value", value);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", transliterateSlugInputs);
  } else {
    transliterateSlugInputs();
  }
})();
