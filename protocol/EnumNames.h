#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

// Wire names of enums, from one table per enum: {value, "name"} pairs.
namespace qidong::protocol::enumnames {

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [entry, name] : table) {
        if (entry == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table,
                            QStringView name)
{
    for (const auto& [entry, text] : table) {
        if (name == QLatin1StringView(text))
            return entry;
    }
    return std::nullopt;
}

} // namespace qidong::protocol::enumnames
