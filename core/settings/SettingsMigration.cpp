#include "SettingsMigration.h"

#include "core/settings/SettingKeys.h"

#include <QSettings>

#include <algorithm>
#include <array>

namespace qidong::core {

namespace {

using Step = void (*)(QSettings&, QStringList&);

// 0 → 1: `audio/voiceProcessing` (all three on or all off) becomes one
// key per stage, each taking the user's old choice.
void splitVoiceProcessing(QSettings& user, QStringList& changed)
{
    const QString old = QStringLiteral("audio/voiceProcessing");
    if (!user.contains(old))
        return;
    const bool on = user.value(old).toBool();
    for (const QLatin1StringView key :
         {SettingKey::echoCancellation, SettingKey::noiseSuppression, SettingKey::gainControl}) {
        if (!user.contains(key)) {
            user.setValue(key, on);
            changed.append(key);
        }
    }
    user.remove(old);
    changed.append(old);
}

// steps[n] takes settings of version n to n + 1.
constexpr std::array<Step, SettingsMigration::kCurrentVersion> kSteps{splitVoiceProcessing};

} // namespace

SettingsMigration::Outcome SettingsMigration::run(QSettings& user)
{
    Outcome outcome;
    // Only what the user stored: the site file's keys are IT's, not ours
    // to rewrite.
    const bool fallbacks = user.fallbacksEnabled();
    user.setFallbacksEnabled(false);
    outcome.from = std::max(user.value(SettingKey::version, 0).toInt(), 0);
    outcome.to = outcome.from;
    if (outcome.from > kCurrentVersion) {
        outcome.newerThanThisVersion = true;
    } else if (outcome.from < kCurrentVersion) {
        for (int version = outcome.from; version < kCurrentVersion; ++version)
            kSteps[static_cast<std::size_t>(version)](user, outcome.changedKeys);
        user.setValue(SettingKey::version, kCurrentVersion);
        outcome.to = kCurrentVersion;
        user.sync();
        outcome.saved = user.status() == QSettings::NoError;
    }
    user.setFallbacksEnabled(fallbacks);
    return outcome;
}

} // namespace qidong::core
