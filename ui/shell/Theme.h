#pragma once

#include <QString>

namespace qidong::ui {

// Light and dark palettes on the Fusion style, the same on every platform
// so screenshots, training material and the real desktop match.
class Theme final
{
public:
    enum class Kind
    {
        Light,
        Dark,
    };

    static void apply(Kind kind);
    static Kind fromName(const QString& name);
    static QString name(Kind kind);
};

} // namespace qidong::ui
