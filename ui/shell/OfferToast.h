#pragma once

#include "protocol/Payloads.h"

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace qidong::ui {

// A non-modal card for a ringing offer: customer, channel, queue and a
// countdown, with Accept and Reject. It only shows and forwards intent.
class OfferToast final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfferToast)

public:
    explicit OfferToast(QWidget* parent = nullptr);
    ~OfferToast() override;

    void showOffer(const protocol::InteractionOffer& offer, const QString& queueName);
    void dismiss(const QString& interactionId);
    QString interactionId() const { return m_interactionId; }

Q_SIGNALS:
    void accepted(const QString& interactionId);
    void rejected(const QString& interactionId);

private:
    void updateCountdown();

    QLabel* m_title;
    QLabel* m_details;
    QLabel* m_countdown;
    QPushButton* m_accept;
    QPushButton* m_reject;
    QTimer m_tick;
    QString m_interactionId;
    qint64 m_expiresAtMs = 0;
};

} // namespace qidong::ui
