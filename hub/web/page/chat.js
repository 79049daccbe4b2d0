// Qidong customer chat page: plain JS, no framework, no outside requests.
// Talks the hub's envelope ({id, method, params} / {id, result|error} /
// {event, data}) over /customer/ws; keeps the conversation token and the
// unsent outbox in localStorage so a reload or a dropped link loses nothing.
'use strict';

const TEXT = {
  'zh-CN': {
    title: '在线客服', connecting: '连接中…', online: '已连接', offline: '连接断开，正在重连…',
    intro: '请留下称呼与联系方式，我们马上为您安排客服。', name: '称呼', phone: '手机号', email: '邮箱',
    startChat: '开始咨询', send: '发送', endChat: '结束会话', agentTyping: '客服正在输入…',
    placeholder: '请输入消息，Ctrl+Enter 发送', waiting: '正在为您排队',
    position: (p, w) => `您前面还有 ${p - 1} 位，预计等待 ${w}`,
    noAgents: '当前暂无客服在线，您的留言会在客服上线后第一时间处理',
    minutes: (m) => m < 1 ? '不到 1 分钟' : `约 ${m} 分钟`,
    active: (a) => `${a} 正在为您服务`, ended: '会话已结束',
    transferred: '已为您转接到其他客服，请稍候', endedNotice: '本次会话已结束',
    rateTitle: '本次服务您满意吗？', npsQuestion: '您有多大可能向朋友推荐我们？（0–10）',
    commentPlaceholder: '还有什么想告诉我们的？（可选）', submitRating: '提交评价', thanks: '感谢您的评价！',
    sent: '已发送', delivered: '已送达', read: '已读', sending: '发送中…', you: '我',
    attachment: '附件', langSwitch: 'English', rateFirst: '请先选择评分',
    callUs: '语音通话', mute: '静音', unmute: '取消静音', hangUp: '挂断',
    callWaiting: '正在为您接通客服，请稍候', callRinging: '正在呼叫客服…', callActive: (a) => `正在与 ${a} 通话`,
    callHeld: '通话保持中，请稍候', callEnded: '通话已结束', callNoMic: '无法使用麦克风：',
    callUnsupported: '此浏览器不支持网页通话，请改用在线聊天', callReconnecting: '语音连接中断，正在重连…',
    callMeBack: '不等了，请给我回电', callbackWaiting: '已为您登记回电，请保持本页面打开，客服将在这里给您回电',
    callbackRinging: '客服正在给您回电', answer: '接听', decline: '拒接',
    chatCallRinging: '客服想和您语音通话，是否接听？',
  },
  en: {
    title: 'Chat with us', connecting: 'Connecting…', online: 'Connected', offline: 'Connection lost, reconnecting…',
    intro: 'Tell us your name and how to reach you; an agent will be with you shortly.', name: 'Name',
    phone: 'Mobile', email: 'Email', startChat: 'Start chat', send: 'Send', endChat: 'End chat',
    agentTyping: 'The agent is typing…', placeholder: 'Type a message, Ctrl+Enter to send',
    waiting: 'Waiting for an agent',
    position: (p, w) => `${p - 1} ahead of you, about ${w}`,
    noAgents: 'No agent is online right now; we will answer as soon as one is',
    minutes: (m) => m < 1 ? 'under a minute' : `${m} min`,
    active: (a) => `${a} is helping you`, ended: 'The chat has ended',
    transferred: 'You are being transferred to another agent', endedNotice: 'The chat has ended',
    rateTitle: 'How satisfied are you with this chat?', npsQuestion: 'How likely are you to recommend us to a friend? (0–10)',
    commentPlaceholder: 'Anything else you would like to tell us? (optional)', submitRating: 'Send rating',
    thanks: 'Thank you for your feedback!', sent: 'Sent', delivered: 'Delivered', read: 'Read',
    sending: 'Sending…', you: 'You', attachment: 'Attachment', langSwitch: '中文', rateFirst: 'Please choose a score first',
    callUs: 'Call us', mute: 'Mute', unmute: 'Unmute', hangUp: 'Hang up',
    callWaiting: 'Connecting you to an agent, please hold', callRinging: 'Calling an agent…', callActive: (a) => `On a call with ${a}`,
    callHeld: 'You are on hold, please wait', callEnded: 'The call has ended', callNoMic: 'The microphone cannot be used: ',
    callUnsupported: 'This browser cannot make web calls; please use the chat', callReconnecting: 'Call audio lost, reconnecting…',
    callMeBack: 'Call me back instead', callbackWaiting: 'We will call you back on this page; please keep it open',
    callbackRinging: 'An agent is calling you back', answer: 'Answer', decline: 'Decline',
    chatCallRinging: 'The agent would like to talk to you. Answer?',
  },
};

const store = {
  get(key) { try { return JSON.parse(localStorage.getItem('qidong.chat.' + key)); } catch { return null; } },
  set(key, value) { localStorage.setItem('qidong.chat.' + key, JSON.stringify(value)); },
  drop(key) { localStorage.removeItem('qidong.chat.' + key); },
};

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') || store.get('lang') ||
  (navigator.language && navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
if (!TEXT[lang]) lang = 'en';
const t = (key, ...args) => { const v = TEXT[lang][key]; return typeof v === 'function' ? v(...args) : v; };

let socket = null;
let nextId = 1;
const pending = new Map();
let retryMs = 500;
let pingTimer = null;
let conversation = { state: null, channel: 'chat', agentName: '', queue: null, rated: false, call: null };
const messages = new Map(); // seq -> message
let outbox = store.get('outbox') || []; // [{clientMsgId, text}]
let customerReadUpTo = 0;
let typingSentAt = 0;
let typingStop = null;
let csat = 0;
let nps = -1;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('title') + ' · Qidong';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  $('text').placeholder = t('placeholder');
  $('comment').placeholder = t('commentPlaceholder');
  $('lang').textContent = t('langSwitch');
  if (typeof applyHelpLanguage === 'function') applyHelpLanguage();
  setLink(socket && socket.readyState === WebSocket.OPEN ? 'online' : 'connecting');
  renderStatus();
  renderAll();
}

function setLink(state) {
  const link = $('link');
  link.dataset.state = state;
  link.textContent = state === 'online' ? t('online') : (state === 'offline' ? t('offline') : t('connecting'));
}

function request(method, params = {}) {
  return new Promise((resolve, reject) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) { reject({ code: 'not_connected' }); return; }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
}

function connect() {
  setLink('connecting');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/customer/ws`);
  socket.onopen = onOpen;
  socket.onmessage = (e) => onFrame(JSON.parse(e.data));
  socket.onclose = () => {
    clearInterval(pingTimer);
    for (const [, p] of pending) p.reject({ code: 'not_connected' });
    pending.clear();
    setLink('offline');
    const wait = retryMs * (0.75 + Math.random() * 0.5);
    retryMs = Math.min(retryMs * 2, 10000);
    setTimeout(connect, wait);
  };
}

async function onOpen() {
  retryMs = 500;
  setLink('online');
  pingTimer = setInterval(() => request('ping').catch(() => {}), 20000);
  const token = store.get('token');
  if (!token) { show('start'); return; }
  try {
    const state = await request('customer.resume', { token, afterSeq: 0 });
    adopt(state);
    for (const m of state.messages) addMessage(m);
    show('chat');
    flushOutbox();
    if (window.qidongCall.hasAudio(state)) window.qidongCall.rejoin();
  } catch (error) {
    if (error.code === 'session_invalid') { store.drop('token'); store.drop('outbox'); outbox = []; show('start'); }
  }
}

function onFrame(frame) {
  if (frame.id !== undefined && pending.has(frame.id)) {
    const p = pending.get(frame.id);
    pending.delete(frame.id);
    if (frame.error) p.reject(frame.error); else p.resolve(frame.result);
    return;
  }
  if (!frame.event) return;
  const data = frame.data || {};
  switch (frame.event) {
    case 'chat.message': addMessage(data.message); break;
    case 'chat.typing': $('typing').hidden = !data.typing; break;
    case 'chat.receipt':
      for (const m of messages.values())
        if (m.sender === 'customer' && m.seq <= data.upToSeq && rank(m.delivery) < rank(data.delivery)) m.delivery = data.delivery;
      renderAll();
      break;
    case 'queue.position': conversation.queue = data; renderStatus(); break;
    case 'conversation.state': adopt(data); break;
  }
}

function rank(delivery) { return { sent: 0, delivered: 1, read: 2 }[delivery] || 0; }

function adopt(state) {
  conversation.state = state.state;
  if (state.channel) conversation.channel = state.channel;
  conversation.agentName = state.agentName || conversation.agentName;
  conversation.call = state.call || null; // a call the agent placed on this chat
  conversation.rated = state.rated;
  if (state.queue) conversation.queue = state.queue;
  if (state.state !== 'waiting') conversation.queue = state.queue || null;
  if (state.state === 'ended') $('typing').hidden = true;
  renderStatus();
  if (window.qidongCall) window.qidongCall.follow(conversation);
}

function renderStatus() {
  const status = $('status');
  const ended = conversation.state === 'ended';
  if (conversation.state === 'waiting' || conversation.state === 'callback') {
    const q = conversation.queue;
    if (q && q.estimatedWaitMs < 0) status.textContent = t('noAgents');
    else if (q) status.textContent = t('position', q.position, t('minutes', Math.round(q.estimatedWaitMs / 60000)));
    else status.textContent = t('waiting');
  } else if (conversation.state === 'active' || conversation.state === 'held') {
    status.textContent = t('active', conversation.agentName);
  } else if (ended) {
    status.textContent = t('ended');
  }
  $('composer').hidden = ended;
  $('end').hidden = ended || !conversation.state;
  $('rating').hidden = !ended || conversation.rated;
  if (ended && conversation.rated) { $('rating').hidden = false; showThanks(); }
}

function addMessage(m) {
  messages.set(m.seq, m);
  if (m.sender === 'customer') {
    const before = outbox.length;
    outbox = outbox.filter((o) => o.clientMsgId !== m.clientMsgId);
    if (outbox.length !== before) store.set('outbox', outbox);
  }
  renderAll();
  markRead();
}

function markRead() {
  if (document.visibilityState !== 'visible') return;
  let upTo = 0;
  for (const m of messages.values()) if (m.sender !== 'customer') upTo = Math.max(upTo, m.seq);
  if (upTo > customerReadUpTo) {
    customerReadUpTo = upTo;
    request('customer.read', { upToSeq: upTo }).catch(() => {});
  }
}

function renderAll() {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren();
  const sorted = [...messages.values()].sort((a, b) => a.seq - b.seq);
  for (const m of sorted) list.append(renderMessage(m, false));
  for (const o of outbox) list.append(renderMessage({ sender: 'customer', text: o.text, sentAt: Date.now() }, true));
  if (atBottom || sorted.length < 3) list.scrollTop = list.scrollHeight;
}

function renderMessage(m, isPending) {
  const li = document.createElement('li');
  li.className = m.sender + (isPending ? ' pending' : '');
  const body = document.createElement('span');
  if (m.sender === 'system') body.textContent = m.text === 'transferred' ? t('transferred') : (m.text === 'ended' ? t('endedNotice') : m.text);
  else body.textContent = m.text; // always plain text
  li.append(body);
  if (m.attachment) {
    const a = document.createElement('a');
    a.href = `/chat/attachments/${encodeURIComponent(m.attachment.id)}?token=${encodeURIComponent(store.get('token') || '')}`;
    a.textContent = `📎 ${m.attachment.name}`;
    a.download = m.attachment.name;
    li.append(document.createElement('br'), a);
  }
  if (m.sender !== 'system') {
    const meta = document.createElement('span');
    meta.className = 'meta';
    const time = new Date(m.sentAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
    const who = m.sender === 'customer' ? t('you') : m.senderName;
    const state = m.sender === 'customer' ? ' · ' + (isPending ? t('sending') : t(m.delivery || 'sent')) : '';
    meta.textContent = `${who} ${time}${state}`;
    li.append(meta);
  }
  return li;
}

function show(which) {
  $('start').hidden = which !== 'start';
  $('help').hidden = which !== 'start'; // self-service before a chat
  $('chat').hidden = which !== 'chat';
  if (which === 'start') $('rating').hidden = true;
}

async function flushOutbox() {
  for (const item of [...outbox]) {
    try {
      const result = await request('customer.send', { clientMsgId: item.clientMsgId, text: item.text });
      addMessage(result.message);
      $('send-error').textContent = '';
    } catch (error) {
      if (error.code === 'not_connected') return; // sent after the next reconnect
      if (error.code === 'throttled') { // kept, and tried again when allowed
        setTimeout(flushOutbox, (error.details && error.details.retryAfterMs) || 1000);
        return;
      }
      outbox = outbox.filter((o) => o.clientMsgId !== item.clientMsgId);
      store.set('outbox', outbox);
      $('send-error').textContent = error.message || String(error.code);
      renderAll();
    }
  }
}

function newClientId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'w-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sendTyping(typing) {
  request('customer.typing', { typing }).catch(() => {});
}

function setupRating() {
  for (let i = 1; i <= 5; i++) {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = '★'.repeat(i); b.setAttribute('role', 'radio'); b.dataset.value = i;
    b.onclick = () => { csat = i; for (const x of $('csat').children) x.setAttribute('aria-checked', String(x === b)); };
    $('csat').append(b);
  }
  for (let i = 0; i <= 10; i++) {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = String(i); b.setAttribute('role', 'radio'); b.dataset.value = i;
    b.onclick = () => { nps = i; for (const x of $('nps').children) x.setAttribute('aria-checked', String(x === b)); };
    $('nps').append(b);
  }
  $('rate').onclick = async () => {
    if (!csat && nps < 0) { $('send-error').textContent = t('rateFirst'); return; }
    const params = { comment: $('comment').value };
    if (csat) params.csat = csat;
    if (nps >= 0) params.nps = nps;
    try { await request('customer.rate', params); conversation.rated = true; showThanks(); }
    catch (error) { $('send-error').textContent = error.message || String(error.code); }
  };
}

function showThanks() {
  for (const id of ['csat', 'nps', 'comment', 'rate']) $(id).hidden = true;
  for (const el of $('rating').querySelectorAll('h2, p[data-t="npsQuestion"]')) el.hidden = true;
  $('thanks').hidden = false;
}

function setup() {
  $('lang').onclick = () => { lang = lang === 'en' ? 'zh-CN' : 'en'; store.set('lang', lang); applyLanguage(); };
  const start = async (channel) => {
    if (!$('start').reportValidity()) return;
    const form = new FormData($('start'));
    const params = { name: form.get('name'), language: lang, channel };
    if (form.get('phone')) params.phone = form.get('phone');
    if (form.get('email')) params.email = form.get('email');
    if (channel === 'voice' && !window.qidongCall.supported()) {
      $('start-error').textContent = t('callUnsupported');
      return;
    }
    try {
      const state = await request('customer.start', params);
      store.set('token', state.token);
      adopt(state);
      show('chat');
      if (channel === 'voice') window.qidongCall.begin(state.media);
      else $('text').focus();
    } catch (error) {
      $('start-error').textContent = error.message || String(error.code);
    }
  };
  $('start').onsubmit = (e) => { e.preventDefault(); start('chat'); };
  $('call-us').onclick = () => start('voice');
  $('composer').onsubmit = (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    outbox.push({ clientMsgId: newClientId(), text });
    store.set('outbox', outbox);
    $('text').value = '';
    renderAll();
    clearTimeout(typingStop); typingSentAt = 0; sendTyping(false);
    flushOutbox();
  };
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $('composer').requestSubmit(); }
  });
  $('text').addEventListener('input', () => {
    const now = Date.now();
    if (now - typingSentAt > 2000) { typingSentAt = now; sendTyping(true); }
    clearTimeout(typingStop);
    typingStop = setTimeout(() => { typingSentAt = 0; sendTyping(false); }, 3000);
  });
  $('end').onclick = () => request('customer.end').then(adopt).catch(() => {});
  document.addEventListener('visibilitychange', markRead);
  setupRating();
  applyLanguage();
  connect();
}

setup();
