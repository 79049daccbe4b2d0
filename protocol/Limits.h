#pragma once

#include <QtGlobal>

namespace qidong::protocol {

inline constexpr int kProtocolVersion = 1;
inline constexpr int kOldestProtocolVersion = 1;

// Size limits of the control channel. A frame over kMaxFrameBytes is answered
// with `message_too_large` and the connection stays open; a frame over
// kTransportFrameBytes is refused by the WebSocket layer, which closes the
// connection with 1009 before the frame is ever held in memory whole.
inline constexpr qsizetype kMaxFrameBytes = 256 * 1024;
inline constexpr qsizetype kTransportFrameBytes = 16 * 1024 * 1024;
inline constexpr int kMaxMethodLength = 64;
inline constexpr int kMaxIdentifierLength = 64;
inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxTokenLength = 128;
inline constexpr int kMaxUrlLength = 2048;
inline constexpr int kMaxPasswordLength = 256;
inline constexpr int kMaxListItems = 1000;
// Chat: one message's text, a note, and an attachment carried inline.
inline constexpr int kMaxChatTextLength = 4000;
inline constexpr int kMaxNoteLength = 2000;
inline constexpr qsizetype kMaxAttachmentBytes = 128 * 1024;

// JSON numbers are doubles: integers are exact up to 2^53.
inline constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;

} // namespace qidong::protocol
