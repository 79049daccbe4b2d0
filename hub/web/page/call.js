// Qidong customer page: calling the contact centre from the browser.
// The microphone is captured with getUserMedia, encoded to 20 ms Opus
// frames with WebCodecs and sent on the call's own media WebSocket in the
// hub's frame format (docs/protocol.md §12); the agent's frames are decoded
// the same way and scheduled on a Web Audio clock with a small cushion.
// A caller tired of waiting asks to be called back on this page: the agent
// who takes the callback dials, the page rings, the customer answers.
// Uses request(), t(), $, adopt() and conversation from chat.js.
'use strict';

window.qidongCall = (() => {
  const KIND_OPUS = 0;
  const KIND_BYE = 2;
  const HEADER = 16;
  const RATE = 48000;
  const FRAME = 960; // 20 ms
  const CUSHION_S = 0.06; // playout delay kept ahead of the audio clock
  const MAX_AHEAD_S = 0.3; // beyond this the playout is pulled back
  const ENCODING = { codec: 'opus', sampleRate: RATE, numberOfChannels: 1, bitrate: 24000,
    opus: { frameDuration: 20000, complexity: 5, useinbandfec: true } };

  let ticket = null;
  let socket = null;
  let wanted = false;
  let retryMs = 200;
  let stream = null;
  let encoder = null;
  let decoder = null;
  let audio = null;
  let playhead = 0;
  let lastStream = -1;
  let muted = false;
  let sequence = 0;
  let marker = true;
  let sentSamples = 0;
  let reader = null;
  const streamId = (Math.random() * 0xffffffff) >>> 0;
  // What the page heard, for the level meter and for tests (2 s).
  const heard = new Float32Array(RATE * 2);
  let heardAt = 0;
  const stats = { sent: 0, received: 0, decoded: 0, skippedMuted: 0, reconnects: 0, state: 'idle' };

  const supported = () => typeof AudioEncoder === 'function' && typeof AudioDecoder === 'function' &&
    typeof MediaStreamTrackProcessor === 'function' && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);

  function socketUrl(media) {
    const url = new URL(media.url);
    // A hub listening on every address names 0.0.0.0: use the host this page came from.
    if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = location.hostname;
    url.searchParams.set('token', media.token);
    return url.toString();
  }

  function frame(payload, timestamp) {
    const bytes = new Uint8Array(HEADER + payload.byteLength);
    const view = new DataView(bytes.buffer);
    view.setUint8(0, 1);
    view.setUint8(1, KIND_OPUS);
    view.setUint16(2, marker ? 1 : 0); // the first frame after a gap
    marker = false;
    view.setUint32(4, streamId);
    view.setUint32(8, sequence++ >>> 0);
    view.setUint32(12, timestamp >>> 0);
    bytes.set(new Uint8Array(payload), HEADER);
    return bytes;
  }

  function setState(text) { $('call-state').textContent = text; }

  async function startAudio() {
    audio = new AudioContext({ sampleRate: RATE, latencyHint: 'interactive' });
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, sampleRate: RATE, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (error) {
      $('call-error').textContent = t('callNoMic') + (error.message || error.name);
      return;
    }
    encoder = new AudioEncoder({
      output: (chunk) => {
        const data = new ArrayBuffer(chunk.byteLength);
        chunk.copyTo(data);
        const timestamp = Math.round(chunk.timestamp * RATE / 1e6);
        if (socket && socket.readyState === WebSocket.OPEN) {
          socket.send(frame(data, timestamp));
          stats.sent++;
        }
      },
      error: (e) => { $('call-error').textContent = e.message; },
    });
    encoder.configure(ENCODING);
    decoder = new AudioDecoder({ output: play, error: (e) => { $('call-error').textContent = e.message; } });
    decoder.configure({ codec: 'opus', sampleRate: RATE, numberOfChannels: 1 });
    const track = stream.getAudioTracks()[0];
    reader = new MediaStreamTrackProcessor({ track }).readable.getReader();
    pump();
  }

  async function pump() {
    for (;;) {
      const { value, done } = await reader.read();
      if (done || !encoder) { if (value) value.close(); return; }
      if (muted) {
        // Time goes on while muted: the agent's jitter buffer must see the
        // gap as a gap, not take what follows for late audio.
        sentSamples += value.numberOfFrames;
        stats.skippedMuted++;
        value.close();
        continue;
      }
      // Restamped on our own sample clock (counting muted time too).
      const data = new AudioData({
        format: 'f32-planar', sampleRate: value.sampleRate, numberOfFrames: value.numberOfFrames,
        numberOfChannels: 1, timestamp: Math.round(sentSamples * 1e6 / RATE),
        data: (() => { const a = new Float32Array(value.numberOfFrames); value.copyTo(a, { planeIndex: 0, format: 'f32-planar' }); return a; })(),
      });
      sentSamples += value.numberOfFrames;
      value.close();
      if (encoder.state === 'configured') encoder.encode(data);
      data.close();
    }
  }

  function play(data) {
    const samples = new Float32Array(data.numberOfFrames);
    data.copyTo(samples, { planeIndex: 0, format: 'f32-planar' });
    data.close();
    stats.decoded++;
    for (let i = 0; i < samples.length; i++) { heard[heardAt] = samples[i]; heardAt = (heardAt + 1) % heard.length; }
    const buffer = audio.createBuffer(1, samples.length, RATE);
    buffer.copyToChannel(samples, 0);
    const now = audio.currentTime;
    if (playhead < now || playhead > now + MAX_AHEAD_S) playhead = now + CUSHION_S;
    const source = audio.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.destination);
    source.start(playhead);
    playhead += buffer.duration;
  }

  function onFrame(bytes) {
    if (bytes.byteLength < HEADER) return;
    const view = new DataView(bytes);
    // Bye: the hub ended this leg. Stop sending and close before it does.
    if (view.getUint8(1) === KIND_BYE) { wanted = false; if (socket) socket.close(); return; }
    if (!decoder || decoder.state !== 'configured') return;
    if (view.getUint8(0) !== 1 || view.getUint8(1) !== KIND_OPUS) return;
    stats.received++;
    const id = view.getUint32(4);
    if (id !== lastStream) { lastStream = id; playhead = 0; } // hold music, a new route: start afresh
    decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: Math.round(view.getUint32(12) * 1e6 / RATE),
      data: new Uint8Array(bytes, HEADER) }));
  }

  function open() {
    if (!ticket || !wanted) return;
    socket = new WebSocket(socketUrl(ticket));
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => { retryMs = 200; setAudioLink(true); };
    socket.onmessage = (e) => { if (e.data instanceof ArrayBuffer) onFrame(e.data); };
    socket.onclose = (e) => {
      socket = null;
      if (!wanted) return;
      if (e.code === 4008) { wanted = false; return; } // the call ended or we left it
      setAudioLink(false);
      if (e.code === 4007) { renew(); return; } // the hub restarted: a new ticket
      stats.reconnects++;
      setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 2000);
    };
  }

  async function renew() {
    try { ticket = await request('customer.media'); open(); }
    catch { setTimeout(renew, 1000); }
  }

  function setAudioLink(up) {
    $('call-error').textContent = up ? '' : t('callReconnecting');
  }

  function begin(media) {
    ticket = media;
    wanted = true;
    $('call').hidden = false;
    $('call-hangup').hidden = false;
    $('call-mute').hidden = false;
    setState(t('callWaiting'));
    open();
    startAudio();
  }

  async function rejoin() {
    wanted = true;
    $('call').hidden = false;
    await renew();
    if (!encoder) startAudio();
  }

  function stop() {
    wanted = false;
    if (socket) socket.close();
    if (reader) reader.cancel().catch(() => {});
    if (stream) for (const track of stream.getTracks()) track.stop();
    if (encoder && encoder.state !== 'closed') encoder.close();
    if (decoder && decoder.state !== 'closed') decoder.close();
    if (audio) audio.close();
    encoder = decoder = audio = stream = reader = null;
    $('call-mute').hidden = true;
    $('call-hangup').hidden = true;
  }

  const isCall = (channel) => channel === 'voice' || channel === 'callback';
  // Whether a resumed conversation has audio to rejoin.
  const hasAudio = (state) => (state.channel === 'voice' && state.state !== 'ended' && state.state !== 'callback') ||
    (state.channel === 'callback' && (state.state === 'active' || state.state === 'held')) ||
    (state.channel === 'chat' && state.call === 'connected');
  let waitingSince = 0;

  // Follows the conversation's state (chat.js calls it from adopt()).
  function follow(conversationNow) {
    if (conversationNow.channel === 'chat') { followChatCall(conversationNow); return; }
    if (!isCall(conversationNow.channel)) return;
    const state = conversationNow.state;
    stats.state = state;
    $('call').hidden = false;
    $('call-incoming').hidden = state !== 'ringing';
    if (state !== 'waiting') { waitingSince = 0; $('call-back').hidden = true; }
    const q = conversationNow.queue;
    const standing = q && q.position ? ' · ' + t('position', q.position, t('minutes', Math.round(q.estimatedWaitMs / 60000))) : '';
    if (state === 'waiting') {
      if (!waitingSince) waitingSince = Date.now();
      setState(t('callWaiting') + standing);
      offerCallback();
    } else if (state === 'callback') {
      stop(); // nobody on the line now: the hub closed it
      $('call-hangup').hidden = false;
      setState(t('callbackWaiting') + standing);
    } else if (state === 'ringing') {
      setState(t('callbackRinging'));
      $('call-answer').focus();
    } else if (state === 'active') setState(t('callActive', conversationNow.agentName));
    else if (state === 'held') setState(t('callHeld'));
    else if (state === 'ended') { setState(t('callEnded')); stop(); }
  }

  // A call the agent placed on this chat ("call this customer now"): the
  // chat goes on; hanging up ends the call alone.
  function followChatCall(conversationNow) {
    const call = conversationNow.state === 'ended' ? null : conversationNow.call;
    if (!call && !wanted && $('call').hidden) return; // no call on this chat
    $('call').hidden = !call;
    $('call-incoming').hidden = call !== 'ringing';
    if (call === 'ringing') {
      stats.state = 'ringing';
      setState(t('chatCallRinging'));
    } else if (call === 'connected') {
      stats.state = 'active';
      setState(t('callActive', conversationNow.agentName));
    } else {
      stats.state = 'ended';
      stop();
    }
  }

  // The wait is long (over a minute expected, or half a minute already):
  // offer to be called back instead.
  function offerCallback() {
    const q = conversation.queue;
    const long = (q && (q.estimatedWaitMs < 0 || q.estimatedWaitMs >= 60000)) ||
      (waitingSince && Date.now() - waitingSince >= 30000);
    $('call-back').hidden = !(conversation.state === 'waiting' && isCall(conversation.channel) && long);
  }

  async function answer() {
    $('call-incoming').hidden = true;
    try {
      const answered = await request('customer.answer');
      begin(answered.media);
      setState(t('callActive', conversation.agentName));
    } catch (error) {
      $('call-error').textContent = error.message || String(error);
    }
  }

  function toggleMute() {
    muted = !muted;
    if (!muted && encoder && encoder.state === 'configured') {
      // A fresh encoder stamps its output from the next input, after the gap
      // (a running one would go on counting from before it).
      encoder.reset();
      encoder.configure(ENCODING);
      marker = true;
    }
    if (stream) for (const track of stream.getAudioTracks()) track.enabled = !muted;
    $('call-mute').setAttribute('aria-pressed', String(muted));
    $('call-mute').textContent = muted ? t('unmute') : t('mute');
  }

  // Goertzel power of one frequency in the last `ms` heard (tests, meter).
  function power(frequency, ms = 200) {
    const n = Math.min(heard.length, Math.round(RATE * ms / 1000));
    const k = 2 * Math.cos(2 * Math.PI * frequency / RATE);
    let s1 = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const s0 = heard[(heardAt - n + i + heard.length) % heard.length] + k * s1 - s2;
      s2 = s1; s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n / 4);
  }

  function level(ms = 100) {
    const n = Math.round(RATE * ms / 1000);
    let sum = 0;
    for (let i = 0; i < n; i++) { const v = heard[(heardAt - n + i + heard.length) % heard.length]; sum += v * v; }
    return Math.sqrt(sum / n);
  }

  $('call-mute').onclick = toggleMute;
  $('call-back').onclick = () => request('customer.callback').then(adopt)
    .catch((error) => { $('call-error').textContent = error.message || String(error); });
  $('call-answer').onclick = answer;
  $('call-decline').onclick = () => request('customer.decline').then(adopt).catch(() => {});
  setInterval(() => { if (waitingSince) offerCallback(); }, 1000);
  $('call-hangup').onclick = () => request(conversation.channel === 'chat' ? 'customer.hangUp' : 'customer.end')
    .then(adopt).catch(() => {});
  setInterval(() => { if (audio) $('call-level').value = Math.min(1, level() * 4); }, 100);

  return { supported, begin, rejoin, follow, hasAudio, power, level, stats, isMuted: () => muted };
})();
