#pragma once

#include <QList>
#include <QStringList>

namespace qidong::hub {

struct Migration final
{
    int version;
    QStringList statements;
};

// Every schema change ever made, oldest first. Never edit a released entry;
// append a new one.
const QList<Migration>& schemaMigrations();

} // namespace qidong::hub
