#include "ScreenSaverInhibitor.h"

#include "UiLog.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {
const QString kService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kPath = QStringLiteral("/org/freedesktop/ScreenSaver");
const QString kInterface = QStringLiteral("org.freedesktop.ScreenSaver");

QDBusMessage call(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
    message.setArguments(arguments);
    return message;
}
}  // namespace

ScreenSaverInhibitor::ScreenSaverInhibitor(QObject *parent) : QObject(parent) {}

ScreenSaverInhibitor::~ScreenSaverInhibitor()
{
    if (m_cookie != 0)
        sendUnInhibit(m_cookie);
}

void ScreenSaverInhibitor::inhibit(const QString &reason)
{
    if (m_wanted)
        return;
    m_wanted = true;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // Asynchronous: a desktop without the service answers with an error, a stuck one not at
    // all, and neither may hold up the first slide.
    const QString application = QCoreApplication::applicationName();
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call(QStringLiteral("Inhibit"), {application, reason})), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusPendingReply<uint> reply = *finished;
        if (reply.isError()) {
            qCDebug(lcUi) << "no screen saver to inhibit:" << reply.error().message();
            return;
        }
        if (!m_wanted || m_cookie != 0) {
            sendUnInhibit(reply.value());  // released (or inhibited twice) before the answer came
            return;
        }
        m_cookie = reply.value();
        emit inhibitedChanged(true);
    });
}

void ScreenSaverInhibitor::release()
{
    m_wanted = false;
    if (m_cookie == 0)
        return;
    sendUnInhibit(m_cookie);
    m_cookie = 0;
    emit inhibitedChanged(false);
}

void ScreenSaverInhibitor::sendUnInhibit(uint cookie)
{
    QDBusConnection::sessionBus().send(call(QStringLiteral("UnInhibit"), {cookie}));
}
