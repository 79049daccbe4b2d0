#include "ui/shell/SystemHotkeys.h"

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <xcb/xcb.h>
#include <xcb/xcb_keysyms.h>

#include <cstdlib>

using qidong::ui::SystemHotkeys;

namespace {

// Presses keys as the X server's own input would (XTEST), while no window
// of this process has the focus: what another application would see.
bool press(const QString& keys)
{
    QProcess xdotool;
    xdotool.start(QStringLiteral("xdotool"), {QStringLiteral("key"), keys});
    return xdotool.waitForFinished(5000) && xdotool.exitCode() == 0;
}

// Another X client (another program) holding Ctrl+Alt+Shift+K.
struct OtherProgram
{
    OtherProgram()
        : connection(xcb_connect(nullptr, nullptr))
    {
        xcb_key_symbols_t* symbols = xcb_key_symbols_alloc(connection);
        xcb_keycode_t* codes = xcb_key_symbols_get_keycode(symbols, 'k');
        const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
        xcb_generic_error_t* error = xcb_request_check(
            connection,
            xcb_grab_key_checked(connection, 1, root,
                                 XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 | XCB_MOD_MASK_SHIFT,
                                 codes[0], XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC));
        grabbed = error == nullptr;
        std::free(error);
        std::free(codes);
        xcb_key_symbols_free(symbols);
    }
    ~OtherProgram() { xcb_disconnect(connection); }
    OtherProgram(const OtherProgram&) = delete;
    OtherProgram& operator=(const OtherProgram&) = delete;

    xcb_connection_t* connection;
    bool grabbed = false;
};

} // namespace

// System-wide call keys on a real X server (Xvfb, the xcb platform).
class tst_SystemHotkeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(SystemHotkeys::isSupported()); }
    void keysPressedOutsideTheAppReachIt();
    void aKeyAnotherProgramHoldsIsRefused();
};

void tst_SystemHotkeys::keysPressedOutsideTheAppReachIt()
{
    SystemHotkeys hotkeys;
    QSignalSpy activated(&hotkeys, &SystemHotkeys::activated);
    QVERIFY(hotkeys.add(1, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_H)));
    QVERIFY(hotkeys.add(2, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_M)));
    QVERIFY(!hotkeys.add(3, QKeySequence(Qt::CTRL | Qt::Key_Space))); // not a key we take
    QVERIFY(QApplication::focusWindow() == nullptr);                  // no window of ours at all

    QVERIFY(press(QStringLiteral("ctrl+alt+shift+m")));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 2);
    QVERIFY(press(QStringLiteral("ctrl+alt+shift+h")));
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toInt(), 1);
    // Caps Lock on: still the same key.
    QVERIFY(press(QStringLiteral("Caps_Lock")));
    QVERIFY(press(QStringLiteral("ctrl+alt+shift+h")));
    QTRY_COMPARE(activated.size(), 3);
    QVERIFY(press(QStringLiteral("Caps_Lock")));
    // Another combination is not ours; once released, ours are not either.
    QVERIFY(press(QStringLiteral("ctrl+alt+h")));
    hotkeys.clear();
    QVERIFY(press(QStringLiteral("ctrl+alt+shift+h")));
    QTest::qWait(300);
    QCOMPARE(activated.size(), 3);
}

void tst_SystemHotkeys::aKeyAnotherProgramHoldsIsRefused()
{
    const QKeySequence keys(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_K);
    {
        OtherProgram other;
        QVERIFY(other.grabbed);
        SystemHotkeys hotkeys;
        QVERIFY(!hotkeys.add(1, keys));
    }
    SystemHotkeys hotkeys; // the other program is gone: free again
    QSignalSpy activated(&hotkeys, &SystemHotkeys::activated);
    // Once the X server has handled the other client's disconnection, which
    // it does in its own time (a loaded machine showed it).
    QVERIFY(QTest::qWaitFor([&] { return hotkeys.add(1, keys); }, 5000));
    QVERIFY(press(QStringLiteral("ctrl+alt+shift+k")));
    QTRY_COMPARE(activated.size(), 1);
}

QTEST_MAIN(tst_SystemHotkeys)
#include "tst_SystemHotkeys.moc"
