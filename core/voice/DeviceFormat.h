#pragma once

#include "media/FormatConverter.h"

#include <QAudioFormat>

class QAudioDevice;

namespace qidong::core {

// How a sound device is opened: 48 kHz mono 16-bit when it can, its own
// preferred format (converted by media::FormatConverter) when not. Shared
// by the softphone's pipeline and the recording player.
QAudioFormat deviceFormatFor(const QAudioDevice& device);
// The output with this id (QAudioDevice::id), or the default output when
// the id is empty or the device is gone (unplugged).
QAudioDevice outputOrDefault(const QByteArray& id);
media::FormatConverter::DeviceFormat converterFormat(const QAudioFormat& format);
int bytesFor(const QAudioFormat& format, int ms);

} // namespace qidong::core
