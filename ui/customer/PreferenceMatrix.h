#pragma once

#include "protocol/Customer.h"

#include <QWidget>

namespace qidong::ui {

// The omnichannel preference matrix as a small heat map: a row per channel,
// a column per time of day, darker where the customer gets in touch more.
class PreferenceMatrix final : public QWidget
{
    Q_OBJECT

public:
    explicit PreferenceMatrix(QWidget* parent = nullptr);

    void setChannels(const QList<protocol::ChannelUse>& channels);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<protocol::ChannelUse> m_channels;
};

} // namespace qidong::ui
