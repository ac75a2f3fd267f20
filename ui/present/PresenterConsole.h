#pragma once

#include <QWidget>

class PresentationClock;
class PresentationController;
class QAbstractButton;
class QCheckBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;
class QTimeEdit;
class QVBoxLayout;
class SlidePreview;

// The facilitator's screen while presenting: the current and the next slide, the page's
// facilitator notes (their own text size, + and -), elapsed time (from the first advance;
// pause, reset), the clock, an optional countdown to an end time, "slide n of m", and the
// controls, among them an activity timer for the wall. Never on the audience screen.
class PresenterConsole : public QWidget
{
    Q_OBJECT
public:
    explicit PresenterConsole(PresentationController *controller, QWidget *parent = nullptr);

    // Mirrored displays: the notes stay hidden until the facilitator confirms.
    void setNotesHiddenUntilConfirmed(bool hidden);
    bool notesShown() const;
    // The group grid the facilitator types on an activity slide; null takes it away.
    void setGroupGridEditor(QWidget *editor);
    PresentationClock *clock() const { return m_clock; }
    double notesPointSize() const { return m_notesPointSize; }

    static inline const char *const kNotesSizeKey = "present/notesPointSize";

public slots:
    void showActivityTime(const QString &text);  // what the wall's activity timer shows; "" none
    void changeNotesSize(int steps);              // + and -: one step a point

signals:
    void activityTimerRequested(int seconds);  // 0 stops it
    void swapScreensRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildTimes(QVBoxLayout *layout);
    void buildSlides(QVBoxLayout *layout);
    void buildControls(QVBoxLayout *layout);
    void showSlide(int index);
    void updateTimes();
    bool keepsKeys(const QWidget *focus, int key) const;  // keys a console control needs itself

    PresentationController *m_controller;
    PresentationClock *m_clock;
    QLabel *m_slideNumber = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_wallClock = nullptr;
    QCheckBox *m_endsAt = nullptr;
    QTimeEdit *m_endTime = nullptr;
    QLabel *m_remaining = nullptr;
    SlidePreview *m_current = nullptr;
    SlidePreview *m_next = nullptr;
    QStackedWidget *m_notesStack = nullptr;
    QTextBrowser *m_notes = nullptr;
    QWidget *m_gridHost = nullptr;
    QWidget *m_gridEditor = nullptr;
    QAbstractButton *m_black = nullptr;
    QAbstractButton *m_ownAnswers = nullptr;
    QSpinBox *m_activityMinutes = nullptr;
    QLabel *m_activityShown = nullptr;
    double m_notesPointSize;
};
