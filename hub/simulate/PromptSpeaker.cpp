#include "PromptSpeaker.h"

#include "media/OggOpus.h"
#include "protocol/MediaFrame.h"

#include <QFile>
#include <QRandomGenerator>

namespace qidong::hub::simulate {

using namespace qidong::protocol;

namespace {

constexpr int kTickMs = 20;
constexpr std::uint32_t kFrameSamples = 960;
constexpr int kDoneAfterLastTicks = 100; // 2 s

std::vector<QByteArray> promptPackets(const QString& name)
{
    QFile file(QStringLiteral(":/qidong/prompts/%1.opus").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return media::OggOpusReader::packets(file.readAll()).value_or(std::vector<QByteArray>{});
}

} // namespace

PromptSpeaker::PromptSpeaker(QStringList prompts, std::chrono::milliseconds pauseBetweenPrompts,
                             QObject* parent)
    : QObject(parent)
    , m_prompts(std::move(prompts))
    , m_pause(pauseBetweenPrompts)
    , m_stream(QRandomGenerator::global()->generate())
{
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(5);
    connect(&m_clock, &QTimer::timeout, this, &PromptSpeaker::tick);
}

PromptSpeaker::~PromptSpeaker()
{
    m_media.disconnect(this);
}

void PromptSpeaker::join(const QUrl& mediaSocket)
{
    m_media.open(mediaSocket);
    m_elapsed.start();
    m_clock.start();
}

void PromptSpeaker::talk(std::chrono::milliseconds greeting)
{
    if (m_talking)
        return;
    m_talking = true;
    m_silentUntilTick = m_ticks + greeting.count() / kTickMs;
}

void PromptSpeaker::stop()
{
    m_clock.stop();
    m_talking = false;
    m_media.close();
}

void PromptSpeaker::tick()
{
    while (m_ticks * kTickMs <= m_elapsed.elapsed()) {
        const std::uint32_t timestamp = std::uint32_t(m_ticks) * kFrameSamples;
        ++m_ticks;
        if (!m_talking || m_paused || m_ticks < m_silentUntilTick) {
            m_gap = true;
            continue;
        }
        if (m_nextPacket >= m_packets.size()) {
            if (!m_packets.empty()) { // a prompt just finished: the other side's turn
                m_packets.clear();
                m_silentUntilTick = m_ticks + m_pause.count() / kTickMs;
                m_gap = true;
                continue;
            }
            if (m_nextPrompt >= m_prompts.size()) {
                if (m_ticks >= m_silentUntilTick + kDoneAfterLastTicks && !m_done) {
                    m_done = true;
                    m_talking = false;
                    Q_EMIT done();
                    return;
                }
                continue;
            }
            const QString prompt = m_prompts.at(m_nextPrompt++);
            m_packets = promptPackets(prompt);
            m_nextPacket = 0;
            Q_EMIT said(prompt, int(m_packets.size()));
            if (m_packets.empty())
                continue;
        }
        MediaFrame frame;
        frame.kind = MediaKind::Opus;
        frame.flags = m_gap ? MediaFrame::kMarker : 0;
        frame.stream = m_stream;
        frame.sequence = m_sequence++;
        frame.timestamp = timestamp;
        frame.payload = m_packets.at(m_nextPacket++);
        m_gap = false;
        if (m_media.state() == QAbstractSocket::ConnectedState)
            m_media.sendBinaryMessage(frame.encode());
    }
}

} // namespace qidong::hub::simulate
