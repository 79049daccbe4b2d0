// Self-service on the customer page (seed 004: one knowledge base for
// agents, customers and bots): the customer articles searched as the
// customer types, an article read in place. Text only: titles, snippets and
// articles are built from text nodes, the matched words as <mark>.
'use strict';

const HELP_TEXT = {
  'zh-CN': {
    title: '先自助查找答案', placeholder: '输入问题，例如：漫游怎么开通',
    none: '没有找到相关文章，可以直接咨询客服', back: '返回搜索结果', failed: '暂时无法搜索，请稍后再试',
  },
  en: {
    title: 'Find an answer yourself', placeholder: 'Ask a question, e.g. how to turn on roaming',
    none: 'No article found; our agents are happy to help', back: 'Back to the results',
    failed: 'Search is not available right now',
  },
};

const helpText = (key) => (HELP_TEXT[lang] || HELP_TEXT.en)[key];
let helpSearch = null; // the AbortController of the search in flight
let helpTimer = null;

function applyHelpLanguage() {
  $('help-title').textContent = helpText('title');
  $('help-query').placeholder = helpText('placeholder');
  $('help-back').textContent = helpText('back');
}

// Appends `text` to `parent` with the [start, length] ranges in <mark>.
function appendMarked(parent, text, marks) {
  let at = 0;
  for (const [start, length] of marks || []) {
    if (start < at || start + length > text.length) continue;
    if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, start + length);
    parent.append(mark);
    at = start + length;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}

function showHelpResults(result) {
  const list = $('help-results');
  list.replaceChildren();
  $('help-article').hidden = true;
  list.hidden = false;
  $('help-none').hidden = result.hits.length > 0 || result.mode === 'none';
  $('help-none').textContent = helpText('none');
  for (const hit of result.hits) {
    const item = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'hit';
    open.dataset.id = hit.id;
    const title = document.createElement('span');
    title.className = 'hit-title';
    appendMarked(title, hit.title.text, hit.title.marks);
    const snippet = document.createElement('span');
    snippet.className = 'hit-snippet';
    appendMarked(snippet, hit.snippet.text, hit.snippet.marks);
    open.append(title, snippet);
    open.onclick = () => openHelpArticle(hit.id);
    item.append(open);
    list.append(item);
  }
}

function searchHelp() {
  const query = $('help-query').value;
  if (helpSearch) helpSearch.abort(); // a newer question: the old answer is not wanted
  if (!query.trim()) {
    $('help-results').replaceChildren();
    $('help-none').hidden = true;
    return;
  }
  helpSearch = new AbortController();
  const language = lang.startsWith('zh') ? 'zh' : 'en';
  const url = `/kb/search?q=${encodeURIComponent(query)}&lang=${language}&prefix=1`;
  fetch(url, { signal: helpSearch.signal })
    .then((reply) => reply.json())
    .then((result) => {
      if (result.error) throw result.error;
      showHelpResults(result);
    })
    .catch((error) => {
      if (error && error.name === 'AbortError') return;
      $('help-none').hidden = false;
      $('help-none').textContent = helpText('failed');
    });
}

function openHelpArticle(id) {
  fetch(`/kb/article?id=${encodeURIComponent(id)}`)
    .then((reply) => reply.json())
    .then((answer) => {
      if (!answer.article) throw answer.error;
      const article = answer.article;
      $('help-article-title').textContent = article.title;
      const body = $('help-article-body');
      body.replaceChildren();
      for (const paragraph of article.body.split('\n')) {
        const p = document.createElement('p');
        p.textContent = paragraph;
        body.append(p);
      }
      const steps = $('help-article-steps');
      steps.replaceChildren();
      for (const text of article.steps) {
        const li = document.createElement('li');
        li.textContent = text;
        steps.append(li);
      }
      steps.hidden = article.steps.length === 0;
      $('help-results').hidden = true;
      $('help-article').hidden = false;
    })
    .catch(() => {
      $('help-none').hidden = false;
      $('help-none').textContent = helpText('failed');
    });
}

function setupHelp() {
  applyHelpLanguage();
  $('help-query').addEventListener('input', () => {
    clearTimeout(helpTimer);
    helpTimer = setTimeout(searchHelp, 150);
  });
  $('help-back').onclick = () => {
    $('help-article').hidden = true;
    $('help-results').hidden = false;
  };
}

setupHelp();
