/* In-page calculators (tradetalks.calculators): the form drives the chart's Vega signals; the
   numbers shown are the text signals Vega computes from the Python formulas' own expressions.
   Inputs are mirrored into the page address (?calculator.input=value) and restored from it.
   The script has no words of its own: what it says comes from the page, in the calculator's
   .tt-calc-words block (tradetalks.calculators.words_html, in the page's language). */
(function () {
  "use strict";

  function number(text) {
    var value = Number(String(text).trim());
    return String(text).trim() === "" || !isFinite(value) ? null : value;
  }

  // a number as the page's text writes it: thousands separators, its own decimals (a limit of 2.5 stays 2.5)
  function written(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "en-US", { maximumFractionDigits: 6 });
  }

  // the page's words for this calculator: message templates with {fields}, and the gap between two sentences
  function pageWords(section) {
    var block = section.querySelector(".tt-calc-words");
    return block ? JSON.parse(block.textContent) : { gap: " " };
  }

  function say(template, fields) {
    return (template || "").replace(/\{(\w+)\}/g, function (whole, name) { return name in fields ? fields[name] : whole; });
  }

  function fromAddress(config) {
    var query = new URLSearchParams(window.location.search), values = {};
    config.inputs.forEach(function (input) {
      var given = query.get(config.name + "." + input.name);
      if (given !== null && number(given) !== null) { values[input.name] = number(given); }
    });
    return values;
  }

  function toAddress(config, values, atDefaults) {
    var query = new URLSearchParams(window.location.search);
    config.inputs.forEach(function (input) {
      var key = config.name + "." + input.name;
      if (atDefaults || values[input.name] === input.default) { query.delete(key); } else { query.set(key, String(values[input.name])); }
    });
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  function setUp(section, view) {
    if (section.dataset.ready) { return; }
    section.dataset.ready = "1";
    var config = JSON.parse(section.querySelector(".tt-calc-config").textContent);
    var words = pageWords(section);
    var form = section.querySelector(".tt-calc-form");
    var status = section.querySelector(".tt-calc-status");
    var runs = 0;

    function field(name) { return form.querySelector('input[type="number"][name="' + name + '"]'); }
    function slider(name) { return form.querySelector('input[type="range"][data-for="' + config.name + "-" + name + '"]'); }

    function read() {
      var values = {}, problems = [];
      config.inputs.forEach(function (input) {
        var element = field(input.name), value = number(element.value);
        var ok = value !== null && value >= input.low && value <= input.high;
        element.setAttribute("aria-invalid", ok ? "false" : "true");
        if (ok) { values[input.name] = value; } else {
          var label = form.querySelector('label[for="' + element.id + '"]').textContent;
          problems.push(say(words.invalid, { label: label, low: written(input.low), high: written(input.high) }));
        }
      });
      return { values: values, problems: problems };
    }

    function outsideSources(values) {
      return config.inputs.filter(function (input) {
        var range = input.supported, value = values[input.name];
        return range && (value < range[0] || value > range[1]);
      }).map(function (input) {
        var label = form.querySelector('label[for="' + field(input.name).id + '"]').textContent;
        return say(words.outside, {
          label: label,
          value: written(values[input.name]),
          low: written(input.supported[0]),
          high: written(input.supported[1])
        });
      });
    }

    function update(atDefaults) {
      var state = read();
      if (state.problems.length) {
        status.textContent = state.problems.filter(Boolean).join(words.gap);
        section.dataset.state = "invalid";
        return Promise.resolve();
      }
      config.inputs.forEach(function (input) { view.signal(input.name, state.values[input.name]); });
      var run = ++runs;
      section.dataset.state = "running";
      return view.runAsync().then(function () {
        if (run !== runs) { return; }
        config.outputs.forEach(function (name) {
          section.querySelectorAll('output[data-output="' + name + '"]').forEach(function (element) {
            element.textContent = view.signal(name + "_text");
          });
        });
        status.textContent = outsideSources(state.values).filter(Boolean).join(words.gap);
        toAddress(config, state.values, atDefaults === true);
        section.dataset.state = "ready";
        section.dataset.runs = String(run);
      });
    }

    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.type === "range") { field(target.name || target.dataset.for.slice(config.name.length + 1)).value = target.value; }
      else if (target.type === "number") {
        var range = slider(target.name), value = number(target.value);
        if (range && value !== null) { range.value = String(value); }
      }
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    section.querySelector(".tt-calc-reset").addEventListener("click", function () {
      config.inputs.forEach(function (input) {
        field(input.name).value = String(input.default);
        var range = slider(input.name);
        if (range) { range.value = String(input.default); }
      });
      update(true);
    });

    var restored = fromAddress(config);
    Object.keys(restored).forEach(function (name) {
      field(name).value = String(restored[name]);
      var range = slider(name);
      if (range) { range.value = String(restored[name]); }
    });
    update(Object.keys(restored).length === 0);
  }

  function connect(section) {
    var chart = section.querySelector(".tt-chart-view");
    if (!chart) { return; }
    if (window.ttViews && window.ttViews[chart.id]) { setUp(section, window.ttViews[chart.id]); return; }
    chart.addEventListener("tt-view", function (event) { setUp(section, event.detail); });
  }

  function start() { document.querySelectorAll(".tt-calculator").forEach(connect); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
