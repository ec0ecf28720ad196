// The translator's workbench (GET /translate/<slug>?lang=en): a plain ES module, no framework and
// no build step. It loads the units from GET /api/translate/<slug>, checks an edit as it is typed
// (POST …/check), saves (POST …/save) with the version of the file it last saw, and keeps unsaved
// edits in localStorage. Every text from the project (French, translations, messages) goes into
// the page with textContent only, never as markup.
const main = document.getElementById('units');
const slug = main.dataset.slug;
const lang = main.dataset.lang;
const api = `/api/translate/${encodeURIComponent(slug)}`;
const query = `?lang=${encodeURIComponent(lang)}`;
const statusLine = document.getElementById('wb-status');
const preview = document.getElementById('wb-preview');
const CHECK_DELAY_MS = 300;
const STATUS_LABELS = { missing: 'missing', stale: 'stale', translated: 'translated', reviewed: 'reviewed', invalid: 'invalid' };

/** The version of the locale file the page last saw, and one card per unit in document order. */
let version = '';
let readOnly = false;
const cards = [];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') node.textContent = value;
    else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

function say(text) {
  statusLine.textContent = text;
}

async function post(action, body) {
  const res = await fetch(`${api}/${action}${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let data = {};
  try {
    data = await res.json();
  } catch {}
  return { status: res.status, data };
}

// ——— Drafts: an unsaved edit per slug/lang/key/version ———
const draftKey = (key, v) => `briefing:draft:${slug}:${lang}:${key}:${v}`;
function storeDraft(key, value) {
  try {
    localStorage.setItem(draftKey(key, version), value);
  } catch {}
}
function dropDraft(key, v = version) {
  try {
    localStorage.removeItem(draftKey(key, v));
  } catch {}
}
function readDraft(key) {
  try {
    return localStorage.getItem(draftKey(key, version));
  } catch {
    return null;
  }
}
/** The version changed (a save): unsaved edits of other units follow it. */
function setVersion(next) {
  if (next === version) return;
  for (const card of cards) {
    if (card.dirty) {
      dropDraft(card.unit.key);
      try {
        localStorage.setItem(draftKey(card.unit.key, next), card.read());
      } catch {}
    }
  }
  version = next;
}

// ——— Editors: the value as the translator sees it ———
const LIST_MARKER = /^(\s*)([-*+]|\d{1,9}[.)])[ \t]+/;

/** A list unit: one field per item, reassembled in the French's marker style. */
function listEditor(unit, onInput) {
  const marker = LIST_MARKER.exec(unit.french.split('\n')[0] ?? '');
  const bullet = marker ? marker[2] : '-';
  const ordered = /\d/.test(bullet);
  const delimiter = ordered ? bullet.slice(-1) : '';
  const start = ordered ? Number.parseInt(bullet, 10) : 1;
  const box = el('div', { class: 'wb-list' });
  const items = el('ol', { class: 'wb-items' });
  const add = el('button', { type: 'button', class: 'wb-add', text: 'Add item' });
  box.append(items, add);
  function addItem(text, focus) {
    const index = items.children.length + 1;
    const field = el('textarea', { rows: '2', 'aria-label': `English, item ${index} (${unit.key})`, lang });
    field.value = text;
    field.addEventListener('input', onInput);
    const remove = el('button', { type: 'button', class: 'wb-remove', text: 'Remove item', 'aria-label': `Remove item ${index}` });
    remove.addEventListener('click', () => {
      li.remove();
      onInput();
    });
    const li = el('li', {}, field, remove);
    items.append(li);
    if (focus) field.focus();
  }
  add.addEventListener('click', () => {
    addItem('', true);
    onInput();
  });
  function write(value) {
    items.replaceChildren();
    const lines = [];
    for (const line of (value ?? '').split('\n')) {
      const m = LIST_MARKER.exec(line);
      if (m || lines.length === 0) lines.push(m ? line.slice(m[0].length) : line);
      else lines[lines.length - 1] += `\n${line.trim()}`;
    }
    if (value) for (const line of lines) addItem(line, false);
    else addItem('', false);
  }
  function read() {
    const texts = [...items.querySelectorAll('textarea')].map((f) => f.value.trim()).filter((t) => t !== '');
    return texts.map((t, i) => `${ordered ? `${start + i}${delimiter}` : bullet} ${t}`).join('\n');
  }
  return { node: box, write, read, focus: () => items.querySelector('textarea')?.focus() };
}

/** A quote: its lines without `> `. */
function quoteEditor(unit, onInput) {
  const field = el('textarea', { rows: '4', 'aria-label': `English (${unit.key})`, lang });
  field.addEventListener('input', onInput);
  return {
    node: field,
    write: (value) => {
      field.value = (value ?? '')
        .split('\n')
        .map((line) => line.replace(/^> ?/, ''))
        .join('\n');
    },
    read: () => (field.value === '' ? '' : field.value.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')),
    focus: () => field.focus(),
  };
}

/** Inline Markdown as text. */
function textEditor(unit, onInput) {
  const field = el('textarea', { rows: unit.french.length > 160 ? '5' : '3', 'aria-label': `English (${unit.key})`, lang });
  field.addEventListener('input', onInput);
  return { node: field, write: (value) => void (field.value = value ?? ''), read: () => field.value, focus: () => field.focus() };
}

function editorFor(unit, onInput) {
  if (unit.kind === 'list') return listEditor(unit, onInput);
  if (unit.kind === 'blockquote') return quoteEditor(unit, onInput);
  return textEditor(unit, onInput);
}

// ——— One unit ———
function problemList(problems) {
  if (!problems.length) return el('p', { class: 'wb-ok', text: 'No problems found.' });
  const list = el('ul', { class: 'wb-problems' });
  for (const p of problems) {
    list.append(el('li', { class: `wb-${p.severity}` }, el('span', { class: 'wb-rule', text: p.ruleId }), ` ${p.line}:${p.column} `, p.message));
  }
  return list;
}

function renderCard(unit) {
  const card = { unit, dirty: false, checkSeq: 0, timer: 0 };
  const id = `unit-${cards.length + 1}`;
  const node = el('article', { class: 'wb-unit', id, tabindex: '-1', 'aria-labelledby': `${id}-key` });
  card.node = node;
  const badge = el('span', { class: 'wb-badge' });
  const context = el('p', { class: 'wb-context' }, el('code', { id: `${id}-key`, text: unit.key }));
  if (unit.section) context.append(' · ', el('span', { lang: 'fr', text: unit.section.heading }));
  const french = el('div', { class: 'wb-french', lang: 'fr', text: unit.french });
  const side = el('div', { class: 'wb-source' }, el('h2', { class: 'wb-label', text: 'French' }), french);
  if (unit.diff?.length) {
    const diff = el('p', { class: 'wb-diff', lang: 'fr' });
    for (const part of unit.diff) diff.append(part.added ? el('ins', { text: part.text }) : part.removed ? el('del', { text: part.text }) : part.text);
    side.append(el('p', { class: 'wb-label', text: 'Changed since it was translated:' }), diff);
  }
  if (unit.glossary.length) {
    const terms = el('ul', { class: 'wb-glossary', 'aria-label': 'Glossary terms' });
    for (const t of unit.glossary) terms.append(el('li', {}, el('span', { lang: 'fr', text: t.fr }), ` → ${t.en.join(', ')}`));
    side.append(terms);
  }
  const onInput = () => {
    card.dirty = true;
    storeDraft(unit.key, card.read());
    clearTimeout(card.timer);
    card.timer = setTimeout(() => check(card), CHECK_DELAY_MS);
  };
  const editor = editorFor(unit, onInput);
  card.read = editor.read;
  card.write = editor.write;
  card.focus = editor.focus;
  const problems = el('div', { class: 'wb-checks', 'aria-live': 'polite' });
  const restore = el('div', { class: 'wb-restore', hidden: true });
  const conflict = el('div', { class: 'wb-conflict', hidden: true, role: 'alert' });
  const save = el('button', { type: 'button', 'data-action': 'save', title: 'Ctrl+S', text: 'Save' });
  const review = el('button', { type: 'button', 'data-action': 'review', title: 'Alt+R' });
  const copy = el('button', { type: 'button', 'data-action': 'copy', title: 'Alt+C', text: 'Copy the French' });
  save.addEventListener('click', () => saveCard(card));
  review.addEventListener('click', () => saveCard(card, !card.unit.reviewed));
  copy.addEventListener('click', () => copyFrench(card));
  const target = el('div', { class: 'wb-target' }, el('h2', { class: 'wb-label', text: 'English' }), editor.node, problems, el('div', { class: 'wb-actions' }, save, review, copy));
  node.append(el('header', {}, context, badge), el('div', { class: 'wb-pair' }, side, target), restore, conflict);
  Object.assign(card, { badge, problems, restore, conflict, save, review, copy });
  editor.write(unit.english);
  showUnit(card);
  const draft = readDraft(unit.key);
  if (draft !== null && draft !== (unit.english ?? '')) offerDraft(card, draft);
  return card;
}

function showUnit(card) {
  const { unit } = card;
  card.badge.textContent = STATUS_LABELS[unit.status] ?? unit.status;
  card.badge.className = `wb-badge wb-badge-${unit.status}`;
  card.node.dataset.status = unit.status;
  card.node.dataset.warnings = unit.problems.length ? 'yes' : 'no';
  card.problems.replaceChildren(problemList(unit.problems));
  card.review.textContent = unit.reviewed ? 'Unmark reviewed' : 'Mark reviewed';
  for (const b of [card.save, card.review, card.copy]) b.disabled = readOnly;
}

function offerDraft(card, draft) {
  const yes = el('button', { type: 'button', text: 'Restore it' });
  const no = el('button', { type: 'button', text: 'Discard it' });
  card.restore.replaceChildren(el('p', { text: 'An unsaved edit of this unit was kept from before:' }), el('pre', { text: draft }), yes, no);
  card.restore.hidden = false;
  yes.addEventListener('click', () => {
    card.write(draft);
    card.dirty = true;
    card.restore.hidden = true;
    check(card);
    card.focus();
  });
  no.addEventListener('click', () => {
    dropDraft(card.unit.key);
    card.restore.hidden = true;
  });
}

async function check(card) {
  const seq = ++card.checkSeq;
  const { status, data } = await post('check', { key: card.unit.key, value: card.read() });
  if (seq !== card.checkSeq) return; // a newer edit is being checked
  if (status === 200) card.problems.replaceChildren(problemList(data.problems));
  else card.problems.replaceChildren(el('p', { class: 'wb-error', text: data.error ?? `Check failed (${status}).` }));
  card.node.dataset.warnings = status === 200 && data.problems.length ? 'yes' : 'no';
}

async function saveCard(card, reviewed, value = card.read()) {
  if (readOnly) return say('This workbench is read-only.');
  clearTimeout(card.timer);
  const body = { key: card.unit.key, value, version, ...(reviewed === undefined ? {} : { reviewed }) };
  say(`Saving ${card.unit.key}…`);
  const { status, data } = await post('save', body);
  if (status === 200) {
    dropDraft(card.unit.key);
    card.dirty = false;
    setVersion(data.version);
    card.unit = data.unit;
    card.write(data.unit.english);
    card.conflict.hidden = true;
    showUnit(card);
    updateProgress();
    reloadPreview();
    say(`Saved ${card.unit.key}${data.merged ? ' (merged with a change made elsewhere)' : ''}.`);
  } else if (status === 409 && data.conflict) {
    showConflict(card, data.conflict, reviewed);
    say(`Not saved: ${card.unit.key} was changed elsewhere. Choose a version.`);
  } else {
    say(`Not saved: ${data.error ?? `error ${status}`}`);
  }
}

function showConflict(card, conflict, reviewed) {
  const mine = el('button', { type: 'button', text: 'Keep mine' });
  const theirs = el('button', { type: 'button', text: 'Take theirs' });
  card.conflict.replaceChildren(
    el('p', { text: 'This unit was changed in the file since you opened it. Which version stays?' }),
    el('h3', { text: 'Mine' }),
    el('pre', { lang, text: conflict.mine }),
    el('h3', { text: 'Theirs (in the file now)' }),
    el('pre', { lang, text: conflict.theirs }),
    mine,
    theirs,
  );
  card.conflict.hidden = false;
  mine.addEventListener('click', () => {
    setVersion(conflict.version);
    saveCard(card, reviewed, conflict.mine);
  });
  theirs.addEventListener('click', () => {
    dropDraft(card.unit.key);
    setVersion(conflict.version);
    card.unit = { ...card.unit, english: conflict.theirs };
    card.write(conflict.theirs);
    card.dirty = false;
    card.conflict.hidden = true;
    check(card);
  });
}

function copyFrench(card) {
  if (readOnly) return;
  card.write(card.unit.french);
  card.dirty = true;
  storeDraft(card.unit.key, card.read());
  check(card);
  card.focus();
}

function reloadPreview() {
  try {
    preview.contentWindow.location.reload();
  } catch {
    preview.src = preview.getAttribute('src');
  }
}

function updateProgress() {
  const all = cards.map((c) => c.unit);
  const translated = all.filter((u) => u.status === 'translated' || u.status === 'reviewed').length;
  const reviewed = all.filter((u) => u.status === 'reviewed').length;
  for (const [id, value] of [
    ['progress-translated', translated],
    ['progress-reviewed', reviewed],
  ]) {
    const bar = document.getElementById(id);
    bar.max = Math.max(1, all.length);
    bar.value = value;
  }
  document.getElementById('progress-text').textContent = `${translated} of ${all.length} translated, ${reviewed} reviewed.`;
}

// ——— Filters and moving between units ———
function applyFilters() {
  const on = [...document.querySelectorAll('input[name="filter"]:checked')].map((i) => i.value);
  for (const card of cards) {
    const { status, warnings } = card.node.dataset;
    card.node.hidden = on.length > 0 && !on.some((f) => (f === 'warnings' ? warnings === 'yes' : f === status || (f === 'missing' && status === 'invalid')));
  }
}

function currentIndex() {
  const active = document.activeElement?.closest?.('.wb-unit');
  return cards.findIndex((c) => c.node === active);
}

function move(step, wanted = () => true) {
  const visible = cards.filter((c) => !c.node.hidden);
  if (!visible.length) return;
  const here = visible.indexOf(cards[currentIndex()]);
  for (let i = 1; i <= visible.length; i++) {
    const card = visible[(((here < 0 && step < 0 ? 0 : here) + step * i) % visible.length + visible.length) % visible.length];
    if (wanted(card)) {
      card.node.scrollIntoView({ block: 'start' });
      card.focus();
      return;
    }
  }
  say('Nothing left to translate here.');
}
const todo = (card) => ['missing', 'stale', 'invalid'].includes(card.unit.status);

document.addEventListener('click', (event) => {
  const action = event.target.closest?.('[data-action]')?.dataset.action;
  if (action === 'next') move(1);
  else if (action === 'previous') move(-1);
  else if (action === 'next-todo') move(1, todo);
});
document.addEventListener('change', (event) => {
  if (event.target.name === 'filter') applyFilters();
});
document.addEventListener('keydown', (event) => {
  const card = cards[currentIndex()];
  const ctrl = event.ctrlKey || event.metaKey;
  let done = true;
  if (event.altKey && event.key === 'ArrowDown') move(1);
  else if (event.altKey && event.key === 'ArrowUp') move(-1);
  else if (event.altKey && event.code === 'KeyN') move(1, todo);
  else if (ctrl && (event.code === 'KeyS' || event.key === 'Enter')) card ? saveCard(card) : say('Move into a unit to save it.');
  else if (event.altKey && event.code === 'KeyR' && card) saveCard(card, !card.unit.reviewed);
  else if (event.altKey && event.code === 'KeyC' && card) copyFrench(card);
  else done = false;
  if (done) event.preventDefault();
});

async function load() {
  const res = await fetch(api + query);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    main.replaceChildren(el('p', { class: 'wb-error', text: data.error ?? data.message ?? `The units could not be loaded (${res.status}).` }));
    return;
  }
  version = data.version;
  readOnly = data.readOnly;
  for (const unit of data.units) {
    cards.push(renderCard(unit));
  }
  main.replaceChildren(...cards.map((c) => c.node));
  if (readOnly) say('Read-only: this service was started with --read-only; nothing can be saved.');
  updateProgress();
  main.dataset.ready = 'true';
}

load();
