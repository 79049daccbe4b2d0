#pragma once

#include <QAbstractNativeEventFilter>
#include <QHash>
#include <QKeySequence>
#include <QObject>

namespace qidong::ui {

// Call keys that work while another application has the focus (the CRM in
// the browser, a ticket system): answer, hang up, mute. On X11 a passive
// key grab on the root window (XCB); on Windows RegisterHotKey (compiled
// there, not verified here); elsewhere — Wayland, macOS — there is no such
// thing for Qt 6.4 and `isSupported()` says so; the in-window shortcuts
// work everywhere.
class SystemHotkeys final : public QObject, public QAbstractNativeEventFilter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemHotkeys)

public:
    explicit SystemHotkeys(QObject* parent = nullptr);
    ~SystemHotkeys() override;

    static bool isSupported();
    // Letters, digits and F1–F12 with Ctrl, Alt, Shift or Meta. False when
    // the key cannot be registered: another program holds it, or there is
    // no system-wide hotkey on this platform.
    bool add(int id, const QKeySequence& keys);
    void clear();

    bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;

Q_SIGNALS:
    void activated(int id);

private:
    struct Grab
    {
        quint32 key = 0; // X11: keycode; Windows: virtual key
        quint32 modifiers = 0;
    };
    QHash<int, Grab> m_grabs;
};

} // namespace qidong::ui
