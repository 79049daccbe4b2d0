#pragma once

#include <QStringList>

class QSettings;

namespace qidong::core {

// Brings a user's stored settings from the layout an earlier version wrote
// to the one this version reads, once, at start-up: a package upgrade
// replaces the program but not ~/.config/Qidong/qidong-desktop.conf.
// Each step moves values to their new keys and never drops a choice the
// user made. Settings written by a newer version (a downgrade) are left as
// they are: this version reads the keys it knows and keeps the rest.
class SettingsMigration final
{
public:
    // Version 1 (0.9): voice processing's one switch became three (echo
    // cancellation, noise suppression, automatic gain), each set apart.
    static constexpr int kCurrentVersion = 1;

    struct Outcome
    {
        int from = 0;
        int to = 0;
        bool newerThanThisVersion = false;
        // False when the file could not be written (read-only home): the
        // steps run again next time.
        bool saved = true;
        QStringList changedKeys;
    };

    // Reads and writes `user`'s own file only, never its system fallbacks.
    static Outcome run(QSettings& user);
};

} // namespace qidong::core
