#pragma once

#include "HubOptions.h"
#include "protocol/Result.h"

#include <QCommandLineOption>
#include <QSslConfiguration>
#include <QStringList>

namespace qidong::hub {

// The hub's configuration file (/etc/qidong/hub.conf as packaged): one
// `key = value` per line, the keys being the long command-line options
// (`listen = 0.0.0.0:8470`), flags as `true` / `false`, `#` comments. It
// becomes arguments placed before the command line's, so an option given
// on the command line wins. Unknown keys are an error with their line.
protocol::Result<QStringList> configFileArguments(const QString& path,
                                                  const QList<QCommandLineOption>& known);

// A PEM certificate chain and its private key, as the hub serves TLS.
protocol::Result<QSslConfiguration> loadTlsFiles(const QString& certificatePath,
                                                 const QString& keyPath);

// `qidong-hub --check-config`: what a start would trip over, without
// starting or changing anything: the data directory (there and writable,
// or creatable), the TLS files, the keyword lists. The summary on success.
protocol::Result<QString> checkConfig(const HubOptions& options);

} // namespace qidong::hub
