#pragma once

#include <QLatin1StringView>

// The keys of the desktop's per-user settings (QSettings), in one place: the
// settings dialog, the sign-in, the composition root, IT's site file
// (docs/packaging.md) and SettingsMigration all name the same keys.
namespace qidong::core::SettingKey {

inline constexpr QLatin1StringView hubUrl{"signIn/hubUrl"};
inline constexpr QLatin1StringView username{"signIn/username"};
inline constexpr QLatin1StringView remember{"signIn/remember"};
inline constexpr QLatin1StringView language{"signIn/language"};
inline constexpr QLatin1StringView ringDevice{"audio/ringDevice"};
inline constexpr QLatin1StringView ringVolume{"audio/ringVolume"};
inline constexpr QLatin1StringView inputDevice{"audio/inputDevice"};
inline constexpr QLatin1StringView outputDevice{"audio/outputDevice"};
inline constexpr QLatin1StringView echoCancellation{"audio/echoCancellation"};
inline constexpr QLatin1StringView noiseSuppression{"audio/noiseSuppression"};
inline constexpr QLatin1StringView gainControl{"audio/gainControl"};
inline constexpr QLatin1StringView theme{"ui/theme"};
inline constexpr QLatin1StringView shellGeometry{"shell/geometry"};
inline constexpr QLatin1StringView shellState{"shell/state"};
// Which layout the stored settings have (SettingsMigration).
inline constexpr QLatin1StringView version{"settings/version"};

} // namespace qidong::core::SettingKey
