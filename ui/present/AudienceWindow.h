#pragma once

#include <QWidget>

class CourseWebPage;
class OfflineWebProfile;
class PresentationController;
class QWebEngineView;

// The slides on the wall: a frameless window holding one web view in the app's offline
// profile, which loads the whole deck once (course:/slides/<module>) and changes slides by
// script in the application's world, so a key never waits for a load. No menus, no context
// menu, no navigation; its keys, wheel and clicks go to the controller. No dialog is ever
// parented to it: what the facilitator reads stays off the room's screen.
class AudienceWindow : public QWidget
{
    Q_OBJECT
public:
    AudienceWindow(OfflineWebProfile *profile, PresentationController *controller, QWidget *parent = nullptr);
    ~AudienceWindow() override;

    // Loads (again) the deck the scheme handler serves for the module; the controller's slide,
    // blank and overview are shown as soon as it has loaded.
    void load(const QString &moduleId);
    bool isReady() const { return m_ready; }
    QWebEngineView *view() const { return m_view; }

    void setGrid(const QString &activityId, const QString &html);  // a group grid typed live
    void setCountdown(const QString &text);                        // an activity timer; "" hides it

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void run(const QString &script);  // only once the deck's control script is there
    void showState();
    bool pointer(QEvent *event);
    void pickCard(QPoint point);  // the overview card under a click, shown

    PresentationController *m_controller;
    QWebEngineView *m_view;
    CourseWebPage *m_page;
    bool m_ready = false;
    int m_wheel = 0;  // wheel turn not yet a whole notch (touchpads send it in slivers)
    QString m_countdown;
};
