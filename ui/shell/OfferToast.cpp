#include "OfferToast.h"

#include "models/DomainText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace qidong::ui {

OfferToast::OfferToast(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_accept(new QPushButton(tr("Accept"), this))
    , m_reject(new QPushButton(tr("Reject"), this))
{
    setObjectName(QStringLiteral("offerToast"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Incoming offer"));
    for (QLabel* label : {m_title, m_details, m_countdown})
        label->setTextFormat(Qt::PlainText); // customer text is never markup
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_accept->setAccessibleName(tr("Accept the offer"));
    m_reject->setAccessibleName(tr("Reject the offer"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_countdown, 1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_accept, &QPushButton::clicked, this, [this] { Q_EMIT accepted(m_interactionId); });
    connect(m_reject, &QPushButton::clicked, this, [this] { Q_EMIT rejected(m_interactionId); });
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &OfferToast::updateCountdown);
    hide();
}

OfferToast::~OfferToast() = default;

void OfferToast::showOffer(const protocol::InteractionOffer& offer, const QString& queueName)
{
    m_interactionId = offer.interaction.id;
    m_expiresAtMs = offer.expiresAtMs;
    m_title->setText(offer.interaction.customer.displayName);
    m_details->setText(tr("%1 · %2 · %3")
                           .arg(models::DomainText::channel(offer.interaction.channel), queueName,
                                offer.interaction.customer.identity));
    updateCountdown();
    m_tick.start();
    show();
    raise();
}

void OfferToast::dismiss(const QString& interactionId)
{
    if (interactionId != m_interactionId)
        return;
    m_tick.stop();
    m_interactionId.clear();
    hide();
}

void OfferToast::updateCountdown()
{
    const qint64 left = std::max<qint64>(0, m_expiresAtMs - QDateTime::currentMSecsSinceEpoch());
    m_countdown->setText(
        tr("%n second(s) to answer", nullptr, static_cast<int>((left + 999) / 1000)));
}

} // namespace qidong::ui
