#include "SystemHotkeys.h"

#include <QGuiApplication>

#if defined(QIDONG_HAS_XCB_HOTKEYS)
#include <QtGui/qguiapplication_platform.h>

#include <xcb/xcb.h>
#include <xcb/xcb_keysyms.h>

#include <cstdlib>
#endif

#if defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace qidong::ui {

namespace {

#if defined(QIDONG_HAS_XCB_HOTKEYS)

xcb_connection_t* x11Connection()
{
    const auto* x11 =
        qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    return x11 ? x11->connection() : nullptr;
}

xcb_window_t rootWindow(xcb_connection_t* connection)
{
    return xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
}

// X11 keysyms of the keys we take: Latin letters are their lower-case
// code, digits their ASCII code, F1.. from 0xffbe.
xcb_keysym_t keysymOf(Qt::Key key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return xcb_keysym_t('a' + (key - Qt::Key_A));
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return xcb_keysym_t('0' + (key - Qt::Key_0));
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return xcb_keysym_t(0xffbe + (key - Qt::Key_F1));
    return 0;
}

quint32 x11Modifiers(Qt::KeyboardModifiers modifiers)
{
    quint32 mask = 0;
    if (modifiers & Qt::ControlModifier)
        mask |= XCB_MOD_MASK_CONTROL;
    if (modifiers & Qt::ShiftModifier)
        mask |= XCB_MOD_MASK_SHIFT;
    if (modifiers & Qt::AltModifier)
        mask |= XCB_MOD_MASK_1;
    if (modifiers & Qt::MetaModifier)
        mask |= XCB_MOD_MASK_4;
    return mask;
}

// Caps Lock and Num Lock must not stop a hotkey: it is grabbed with each.
constexpr quint32 kLockVariants[] = {0, XCB_MOD_MASK_LOCK, XCB_MOD_MASK_2,
                                     XCB_MOD_MASK_LOCK | XCB_MOD_MASK_2};

#endif

#if defined(Q_OS_WIN)

UINT windowsKey(Qt::Key key)
{
    if ((key >= Qt::Key_A && key <= Qt::Key_Z) || (key >= Qt::Key_0 && key <= Qt::Key_9))
        return UINT(key); // the virtual keys of letters and digits are their ASCII codes
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return UINT(VK_F1 + (key - Qt::Key_F1));
    return 0;
}

UINT windowsModifiers(Qt::KeyboardModifiers modifiers)
{
    UINT mask = MOD_NOREPEAT;
    if (modifiers & Qt::ControlModifier)
        mask |= MOD_CONTROL;
    if (modifiers & Qt::ShiftModifier)
        mask |= MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mask |= MOD_ALT;
    if (modifiers & Qt::MetaModifier)
        mask |= MOD_WIN;
    return mask;
}

#endif

} // namespace

SystemHotkeys::SystemHotkeys(QObject* parent)
    : QObject(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installNativeEventFilter(this);
}

SystemHotkeys::~SystemHotkeys()
{
    clear();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeNativeEventFilter(this);
}

bool SystemHotkeys::isSupported()
{
#if defined(QIDONG_HAS_XCB_HOTKEYS)
    return x11Connection() != nullptr;
#elif defined(Q_OS_WIN)
    return true;
#else
    return false;
#endif
}

bool SystemHotkeys::add(int id, const QKeySequence& keys)
{
    if (keys.isEmpty() || m_grabs.contains(id))
        return false;
    const QKeyCombination combination = keys[0];
#if defined(QIDONG_HAS_XCB_HOTKEYS)
    xcb_connection_t* connection = x11Connection();
    const xcb_keysym_t keysym = keysymOf(combination.key());
    if (!connection || keysym == 0)
        return false;
    xcb_key_symbols_t* symbols = xcb_key_symbols_alloc(connection);
    xcb_keycode_t* codes = xcb_key_symbols_get_keycode(symbols, keysym);
    const xcb_keycode_t keycode = codes ? codes[0] : XCB_NO_SYMBOL;
    std::free(codes);
    xcb_key_symbols_free(symbols);
    if (keycode == XCB_NO_SYMBOL)
        return false;
    const quint32 modifiers = x11Modifiers(combination.keyboardModifiers());
    const xcb_window_t root = rootWindow(connection);
    bool taken = false;
    for (const quint32 lock : kLockVariants) {
        xcb_generic_error_t* error = xcb_request_check(
            connection, xcb_grab_key_checked(connection, 1, root, quint16(modifiers | lock),
                                             keycode, XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC));
        taken = taken || error != nullptr; // BadAccess: another client has it
        std::free(error);
    }
    if (taken) {
        for (const quint32 lock : kLockVariants)
            xcb_ungrab_key(connection, keycode, root, quint16(modifiers | lock));
        xcb_flush(connection);
        return false;
    }
    m_grabs.insert(id, Grab{keycode, modifiers});
    return true;
#elif defined(Q_OS_WIN)
    const UINT key = windowsKey(combination.key());
    const UINT modifiers = windowsModifiers(combination.keyboardModifiers());
    if (key == 0 || !RegisterHotKey(nullptr, id, modifiers, key))
        return false;
    m_grabs.insert(id, Grab{key, modifiers});
    return true;
#else
    Q_UNUSED(combination)
    return false;
#endif
}

void SystemHotkeys::clear()
{
#if defined(QIDONG_HAS_XCB_HOTKEYS)
    if (xcb_connection_t* connection = x11Connection()) {
        const xcb_window_t root = rootWindow(connection);
        for (const Grab& grab : std::as_const(m_grabs))
            for (const quint32 lock : kLockVariants)
                xcb_ungrab_key(connection, xcb_keycode_t(grab.key), root,
                               quint16(grab.modifiers | lock));
        xcb_flush(connection);
    }
#elif defined(Q_OS_WIN)
    for (auto it = m_grabs.cbegin(); it != m_grabs.cend(); ++it)
        UnregisterHotKey(nullptr, it.key());
#endif
    m_grabs.clear();
}

bool SystemHotkeys::nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result)
{
    Q_UNUSED(result)
#if defined(QIDONG_HAS_XCB_HOTKEYS)
    if (eventType != QByteArrayLiteral("xcb_generic_event_t"))
        return false;
    const auto* event = static_cast<const xcb_generic_event_t*>(message);
    if ((event->response_type & ~0x80) != XCB_KEY_PRESS)
        return false;
    const auto* press = static_cast<const xcb_key_press_event_t*>(message);
    const quint32 modifiers = press->state & (XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_SHIFT |
                                              XCB_MOD_MASK_1 | XCB_MOD_MASK_4);
    for (auto it = m_grabs.cbegin(); it != m_grabs.cend(); ++it) {
        if (it->key == press->detail && it->modifiers == modifiers) {
            Q_EMIT activated(it.key());
            return true;
        }
    }
    return false;
#elif defined(Q_OS_WIN)
    if (eventType != QByteArrayLiteral("windows_generic_MSG"))
        return false;
    const auto* msg = static_cast<const MSG*>(message);
    if (msg->message != WM_HOTKEY || !m_grabs.contains(int(msg->wParam)))
        return false;
    Q_EMIT activated(int(msg->wParam));
    return true;
#else
    Q_UNUSED(eventType)
    Q_UNUSED(message)
    return false;
#endif
}

} // namespace qidong::ui
