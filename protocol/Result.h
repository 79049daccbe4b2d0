#pragma once

#include "Error.h"

#include <utility>
#include <variant>

namespace qidong::protocol {

// A value or the reason there is none. Decoding returns this instead of
// throwing: no exception may cross the event loop.
template <typename T, typename E = Error> class [[nodiscard]] Result final
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): reads like `return value;`
        : m_value(std::in_place_index<0>, std::move(value))
    {}
    Result(E error) // NOLINT(google-explicit-constructor): reads like `return error;`
        : m_value(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_value); }
    T& value() & { return std::get<0>(m_value); }
    T&& value() && { return std::get<0>(std::move(m_value)); }
    const E& error() const { return std::get<1>(m_value); }

private:
    std::variant<T, E> m_value;
};

} // namespace qidong::protocol
