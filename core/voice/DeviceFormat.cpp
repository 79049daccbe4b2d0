#include "core/voice/DeviceFormat.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace qidong::core {

QAudioFormat deviceFormatFor(const QAudioDevice& device)
{
    QAudioFormat format;
    format.setSampleRate(media::kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    if (device.isNull() || device.isFormatSupported(format))
        return format;
    format = device.preferredFormat();
    if (format.sampleFormat() != QAudioFormat::Int16 &&
        format.sampleFormat() != QAudioFormat::Float)
        format.setSampleFormat(QAudioFormat::Float);
    return format;
}

QAudioDevice outputOrDefault(const QByteArray& id)
{
    for (const QAudioDevice& device : QMediaDevices::audioOutputs())
        if (!id.isEmpty() && device.id() == id)
            return device;
    return QMediaDevices::defaultAudioOutput();
}

media::FormatConverter::DeviceFormat converterFormat(const QAudioFormat& format)
{
    return {format.sampleRate(), format.channelCount(),
            format.sampleFormat() == QAudioFormat::Float ? media::FormatConverter::Sample::Float
                                                         : media::FormatConverter::Sample::Int16};
}

int bytesFor(const QAudioFormat& format, int ms)
{
    return format.bytesForDuration(qint64(ms) * 1000);
}

} // namespace qidong::core
