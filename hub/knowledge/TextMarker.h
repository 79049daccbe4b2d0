#pragma once

#include "protocol/Knowledge.h"

#include <QStringList>

namespace qidong::hub {

// Marks where a search's terms occur in an article's text, and cuts the
// snippet around the densest stretch of matches. Chinese needles match as
// substrings; English ones at the start of a word (by rough stem).
class TextMarker final
{
public:
    TextMarker(QStringList hanNeedles, QStringList wordStems);

    protocol::MarkedText mark(const QString& text) const;
    // About `width` characters of `text` around its matches (its start when
    // nothing matches), with "…" where it was cut and line breaks flattened.
    protocol::MarkedText snippet(const QString& text, int width) const;

private:
    QList<protocol::MarkedText::Mark> find(const QString& text) const;

    QStringList m_hanNeedles;
    QStringList m_wordStems;
};

} // namespace qidong::hub
