/**
 * @module The JavaScript an exported package runs (inlined into its index.html: no file, library or
 * network fetch at run time beyond the LMS itself). It finds the LMS: a SCORM 1.2 `API` object in
 * this window or a parent (LMSInitialize, cmi.core.lesson_status, cmi.core.score.raw,
 * cmi.suspend_data, LMSCommit, LMSFinish), or cmi5 launch parameters (xAPI statements to the
 * `endpoint` with the token from `fetch`, cmi5 §8–9), or neither (progress kept in localStorage).
 * Progress is one compact JSON string kept under 4,000 characters, within SCORM 1.2's 4,096 limit
 * for cmi.suspend_data. Written as plain ES2017 because it runs in whatever browser the LMS has.
 */
export const playerScript = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('course-data').textContent);
  var L = data.labels;
  var MAX_SUSPEND = 4000;
  var pages = data.pages;
  var state = { p: 0, v: '', c: {}, k: {}, n: 0, s: -1, d: 0 };
  var lms = null;
  var finished = false;

  function fmt(text, values) { return text.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); }); }
  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (html !== undefined) node.innerHTML = html;
    return node;
  }
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) { var r = Math.random() * 16 | 0; return (c === 'x' ? r : (r & 3 | 8)).toString(16); });
  }

  // ---- Progress, encoded for cmi.suspend_data --------------------------------------------------
  function encode() {
    var text = JSON.stringify(state);
    if (text.length > MAX_SUSPEND) text = JSON.stringify({ p: state.p, v: state.v, c: {}, k: state.k, n: state.n, s: state.s, d: state.d });
    if (text.length > MAX_SUSPEND) text = JSON.stringify({ p: state.p, v: state.v, c: {}, k: {}, n: state.n, s: state.s, d: state.d });
    return text;
  }
  function decode(text) {
    if (!text) return;
    try {
      var saved = JSON.parse(text);
      if (saved && typeof saved.p === 'number') {
        state.p = Math.min(Math.max(0, saved.p), pages.length - 1);
        state.v = String(saved.v || '');
        state.c = saved.c || {};
        state.k = saved.k || {};
        state.n = saved.n || 0;
        state.s = typeof saved.s === 'number' ? saved.s : -1;
        state.d = saved.d ? 1 : 0;
      }
    } catch (e) { /* unreadable progress: start over rather than fail */ }
  }
  function markVisited(i) {
    while (state.v.length < pages.length) state.v += '0';
    state.v = state.v.slice(0, i) + '1' + state.v.slice(i + 1);
  }
  function allVisited() {
    for (var i = 0; i < pages.length; i++) if (pages[i].type !== 'assessment' && state.v.charAt(i) !== '1') return false;
    return true;
  }
  var hasAssessment = pages.some(function (p) { return p.type === 'assessment'; });
  function save() {
    if (lms) lms.save(encode(), String(state.p));
    if (!hasAssessment && allVisited() && !state.d) { state.d = 1; if (lms) lms.complete(); }
  }

  // ---- LMS adapters ------------------------------------------------------------------------------
  function findScormApi() {
    var win = window;
    for (var i = 0; win && i < 10; i++) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
    }
    if (window.opener && window.opener.API) return window.opener.API;
    return null;
  }

  function scorm12(api) {
    return {
      start: function () {
        api.LMSInitialize('');
        var status = api.LMSGetValue('cmi.core.lesson_status');
        if (!status || status === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
        return Promise.resolve(api.LMSGetValue('cmi.suspend_data') || '');
      },
      save: function (suspend, location) {
        api.LMSSetValue('cmi.suspend_data', suspend);
        api.LMSSetValue('cmi.core.lesson_location', location);
        api.LMSCommit('');
      },
      complete: function () {
        api.LMSSetValue('cmi.core.lesson_status', 'completed');
        api.LMSCommit('');
      },
      score: function (score, passed) {
        api.LMSSetValue('cmi.core.score.min', '0');
        api.LMSSetValue('cmi.core.score.max', '100');
        api.LMSSetValue('cmi.core.score.raw', String(score));
        api.LMSSetValue('cmi.core.lesson_status', passed ? 'passed' : 'failed');
        api.LMSCommit('');
      },
      finish: function () {
        api.LMSSetValue('cmi.core.exit', state.d ? '' : 'suspend');
        api.LMSCommit('');
        api.LMSFinish('');
      }
    };
  }

  function cmi5(params) {
    var endpoint = params.get('endpoint').replace(/\/?$/, '/');
    var actor = JSON.parse(params.get('actor'));
    var registration = params.get('registration');
    var activityId = params.get('activityId');
    var token = '';
    var launch = {};
    var startedAt = Date.now();
    function xapi(method, path, body, type) {
      return fetch(endpoint + path, {
        method: method, keepalive: true,
        headers: { 'Authorization': 'Basic ' + token, 'X-Experience-API-Version': '1.0.3', 'Content-Type': type || 'application/json' },
        body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body))
      });
    }
    function stateUrl(id) {
      return 'activities/state?activityId=' + encodeURIComponent(activityId) + '&agent=' + encodeURIComponent(JSON.stringify(actor)) +
        '&registration=' + encodeURIComponent(registration) + '&stateId=' + encodeURIComponent(id);
    }
    // Statements go out one after another, so the LMS records them in the order cmi5 requires.
    // Each is kept until the LMS acknowledges it: when the page goes away, the ones still waiting
    // (a promise chain does not run after unload) leave with Terminated in one last request.
    var queue = Promise.resolve();
    var unacknowledged = [];
    var closed = false;
    function send(verb, result, moveOn) {
      var statement = build(verb, result, moveOn);
      unacknowledged.push(statement);
      queue = queue.then(function () {
        if (closed) return;
        return xapi('POST', 'statements', statement).then(function (r) {
          if (r.ok) unacknowledged = unacknowledged.filter(function (s) { return s !== statement; });
        });
      }).catch(function () { /* the LMS did not answer */ });
      return queue;
    }
    function build(verb, result, moveOn) {
      var context = JSON.parse(JSON.stringify(launch.contextTemplate || {}));
      context.registration = registration;
      context.contextActivities = context.contextActivities || {};
      var category = (context.contextActivities.category || []).concat([{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]);
      if (moveOn) category.push({ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' });
      context.contextActivities.category = category;
      var statement = {
        id: uuid(), timestamp: new Date().toISOString(), actor: actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/' + verb, display: { 'en-US': verb } },
        object: { id: activityId, objectType: 'Activity' }, context: context
      };
      if (result) statement.result = result;
      return statement;
    }
    function duration() { return 'PT' + Math.max(0, Math.round((Date.now() - startedAt) / 1000)) + 'S'; }
    var normal = function () { return !launch.launchMode || launch.launchMode === 'Normal'; };
    return {
      start: function () {
        return fetch(params.get('fetch'), { method: 'POST' }).then(function (r) { return r.json(); })
          .then(function (body) { token = body['auth-token']; return xapi('GET', stateUrl('LMS.LaunchData')); })
          .then(function (r) { return r.ok ? r.json() : {}; })
          .then(function (launchData) { launch = launchData || {}; return send('initialized'); })
          .then(function () { return xapi('GET', stateUrl('lantern-progress')); })
          .then(function (r) { return r.ok ? r.json() : {}; })
          .then(function (doc) { return (doc && doc.suspend) || ''; });
      },
      save: function (suspend) { xapi('PUT', stateUrl('lantern-progress'), { suspend: suspend }); },
      complete: function () { if (normal()) send('completed', { completion: true, duration: duration() }, true); },
      score: function (score, passed) {
        if (!normal()) return;
        var mastery = typeof launch.masteryScore === 'number' ? launch.masteryScore : data.passMark / 100;
        var result = { score: { scaled: score / 100, raw: score, min: 0, max: 100 }, success: score / 100 >= mastery, duration: duration() };
        if (passed || result.success) {
          send('completed', { completion: true, duration: duration() }, true);
          send('passed', result, true);
        } else {
          send('failed', result, true);
        }
      },
      finish: function () {
        // Statement ids make a repeat harmless: an LRS keeps one statement per id (xAPI 1.0.3).
        var last = unacknowledged.concat([build('terminated', { duration: duration() })]);
        closed = true;
        unacknowledged = [];
        xapi('POST', 'statements', last).catch(function () { /* the LMS did not answer */ });
      }
    };
  }

  function localOnly() {
    var key = 'lantern-course:' + data.id + ':' + data.version;
    return {
      start: function () { try { return Promise.resolve(window.localStorage.getItem(key) || ''); } catch (e) { return Promise.resolve(''); } },
      save: function (suspend) { try { window.localStorage.setItem(key, suspend); } catch (e) { /* storage may be off */ } },
      complete: function () {}, score: function () {}, finish: function () {}
    };
  }

  // ---- Pages ---------------------------------------------------------------------------------------
  var main = document.getElementById('page');
  var position = document.getElementById('position');
  var previous = document.getElementById('prev');
  var next = document.getElementById('next');

  function renderLesson(page) {
    main.appendChild(el('div', { 'class': 'lesson' }, page.html));
  }

  function optionList(question, name, chosen, locked) {
    var fieldset = el('fieldset', { 'class': 'question' });
    fieldset.appendChild(el('legend', {}, question.prompt));
    question.options.forEach(function (option, oi) {
      var id = name + '-' + oi;
      var row = el('div', { 'class': 'option' });
      var input = el('input', { type: question.multiple ? 'checkbox' : 'radio', name: name, id: id, value: String(oi) });
      if (chosen && chosen.indexOf(oi) >= 0) input.checked = true;
      if (locked) input.disabled = true;
      row.appendChild(input);
      row.appendChild(el('label', { 'for': id }, option.text));
      fieldset.appendChild(row);
    });
    return fieldset;
  }
  function chosenIn(fieldset) {
    var picked = [];
    fieldset.querySelectorAll('input').forEach(function (input) { if (input.checked) picked.push(Number(input.value)); });
    return picked;
  }
  function isCorrect(question, picked) {
    return question.options.every(function (o, oi) { return o.correct === (picked.indexOf(oi) >= 0); });
  }
  function feedbackFor(question, picked) {
    var box = el('div', { 'class': 'feedback', role: 'status', 'data-correct': String(isCorrect(question, picked)) });
    box.appendChild(el('p', { 'class': 'verdict' }, isCorrect(question, picked) ? L.correct : L.incorrect));
    var list = el('ul');
    question.options.forEach(function (o, oi) {
      list.appendChild(el('li', { 'class': o.correct ? 'right' : 'wrong' }, (picked.indexOf(oi) >= 0 ? '<strong>' + L.chosen + ':</strong> ' : '') + o.text + ' — ' + o.feedback));
    });
    box.appendChild(list);
    return box;
  }

  function renderChecks(page, p) {
    page.questions.forEach(function (question, qi) {
      var key = p + '.' + qi;
      var wrap = el('div', { 'class': 'check' });
      var fieldset = optionList(question, 'q-' + p + '-' + qi, state.c[key], false);
      wrap.appendChild(fieldset);
      var button = el('button', { type: 'button', 'data-action': 'check' }, L.check);
      var feedback = el('div');
      button.addEventListener('click', function () {
        var picked = chosenIn(fieldset);
        if (picked.length === 0) return;
        state.c[key] = picked;
        feedback.innerHTML = '';
        feedback.appendChild(feedbackFor(question, picked));
        save();
      });
      wrap.appendChild(button);
      wrap.appendChild(feedback);
      if (state.c[key]) feedback.appendChild(feedbackFor(question, state.c[key]));
      main.appendChild(wrap);
    });
  }

  function renderCase(page, p) {
    var path = state.k[p] || [];
    var holder = el('div', { 'class': 'case' });
    main.appendChild(holder);
    function draw() {
      holder.innerHTML = '';
      var scene = page.start;
      path.forEach(function (ci, step) {
        var s = page.scenes[scene];
        var choice = s.choices[ci];
        if (!choice) return;
        var past = el('div', { 'class': 'scene past' });
        past.appendChild(el('p', {}, s.text));
        past.appendChild(el('p', { 'class': 'choice' }, '<strong>' + L.chosen + ':</strong> ' + choice.text));
        past.appendChild(el('p', { 'class': 'consequence rating-' + choice.rating, 'data-rating': choice.rating }, '<strong>' + L[choice.rating] + '.</strong> ' + choice.consequence));
        holder.appendChild(past);
        scene = choice.next;
      });
      var current = page.scenes[scene];
      var box = el('div', { 'class': 'scene current' });
      box.appendChild(el('p', {}, current.text));
      if (current.debrief) {
        box.appendChild(el('h3', {}, L.keyPoints));
        var list = el('ul', { 'class': 'debrief' });
        current.debrief.forEach(function (k) { list.appendChild(el('li', {}, k)); });
        box.appendChild(list);
        var again = el('button', { type: 'button', 'data-action': 'restart-case' }, L.restartCase);
        again.addEventListener('click', function () { path = []; state.k[p] = path; save(); draw(); });
        box.appendChild(again);
      } else {
        current.choices.forEach(function (choice, ci) {
          var button = el('button', { type: 'button', 'class': 'case-choice', 'data-action': 'choose' }, choice.text);
          button.addEventListener('click', function () { path = path.concat([ci]); state.k[p] = path; save(); draw(); });
          box.appendChild(button);
        });
      }
      holder.appendChild(box);
    }
    draw();
  }

  function renderAssessment(page, p) {
    var form = el('form', { 'class': 'assessment', novalidate: '' });
    var sets = page.questions.map(function (question, qi) {
      var fieldset = optionList(question, 'a-' + qi, null, state.d === 1);
      form.appendChild(fieldset);
      return fieldset;
    });
    var result = el('div', { 'data-role': 'result', role: 'status' });
    var left = function () { return data.maxAttempts === null ? null : Math.max(0, data.maxAttempts - state.n); };
    function showResult() {
      if (state.s < 0) { result.innerHTML = ''; return; }
      var text = fmt(L.score, { score: state.s, passMark: data.passMark }) + ' ' + (state.d ? L.passed + ' ' + L.complete : L.failed);
      if (!state.d) text += ' ' + (left() === 0 ? L.noAttempts : left() === null ? '' : fmt(L.attemptsLeft, { n: left() }));
      result.setAttribute('data-passed', String(state.d === 1));
      result.textContent = text;
    }
    var submit = el('button', { type: 'submit', id: 'submit-assessment' }, L.submit);
    if (state.d === 1 || left() === 0) submit.disabled = true;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (state.d === 1 || left() === 0) return;
      var right = 0;
      page.questions.forEach(function (question, qi) { if (isCorrect(question, chosenIn(sets[qi]))) right += 1; });
      var score = Math.floor(right * 100 / page.questions.length);
      state.n += 1;
      state.s = Math.max(state.s, score);
      var passed = score >= data.passMark;
      if (passed) state.d = 1;
      save();
      if (lms) lms.score(score, passed);
      showResult();
      if (passed || left() === 0) submit.disabled = true;
    });
    form.appendChild(submit);
    form.appendChild(result);
    main.appendChild(form);
    showResult();
  }

  function show(p) {
    state.p = p;
    markVisited(p);
    var page = pages[p];
    main.innerHTML = '';
    main.appendChild(el('h2', { id: 'page-title', tabindex: '-1' }, page.title));
    if (page.type === 'lesson') renderLesson(page);
    else if (page.type === 'checks') renderChecks(page, p);
    else if (page.type === 'case') renderCase(page, p);
    else renderAssessment(page, p);
    if (page.sources) {
      var aside = el('aside', { 'class': 'sources' });
      aside.appendChild(el('h3', {}, L.sources));
      aside.appendChild(el('div', {}, page.sources));
      main.appendChild(aside);
    }
    position.textContent = fmt(L.page, { n: p + 1, total: pages.length });
    position.setAttribute('data-page', String(p));
    previous.disabled = p === 0;
    next.disabled = p === pages.length - 1;
    save();
    var title = document.getElementById('page-title');
    if (title && document.body.getAttribute('data-ready') === 'true') title.focus();
  }

  previous.textContent = L.previous;
  next.textContent = L.next;
  previous.addEventListener('click', function () { if (state.p > 0) show(state.p - 1); });
  next.addEventListener('click', function () { if (state.p < pages.length - 1) show(state.p + 1); });

  function finish() {
    if (finished || !lms) return;
    finished = true;
    lms.save(encode(), String(state.p));
    lms.finish();
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);

  var params = new URLSearchParams(window.location.search);
  var api = findScormApi();
  lms = api ? scorm12(api) : (params.get('endpoint') && params.get('fetch')) ? cmi5(params) : localOnly();
  lms.start().then(function (saved) { decode(saved); }, function () { /* the LMS did not answer: run unrecorded */ })
    .then(function () { show(state.p); document.body.setAttribute('data-ready', 'true'); });
  window.lanternPlayer = { state: function () { return JSON.parse(JSON.stringify(state)); }, encode: encode, finish: finish };
})();
`;
