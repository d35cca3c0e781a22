#pragma once

#include "EditorPage.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace mailadmin::charts {
class QuotaGauge;
}

namespace mailadmin::ui {

// One user: identity, quota, aliases, forwarding, services and brand; password reset, suspension and delete.
class UserPage : public EditorPage
{
    Q_OBJECT
public:
    explicit UserPage(AppContext *context, QWidget *parent = nullptr);
    void openUser(const QString &address);
    QString address() const { return object().value(QLatin1String("address")).toString(); }

    void resetPassword();
    void toggleSuspended();
    void deleteUser();

protected:
    void onLoaded(const QJsonObject &user) override;
    QString updateAction() const override { return QStringLiteral("user.update"); }

private:
    void runAction(bool suspend, const QString &done, const QString &reason = {});

    charts::QuotaGauge *m_gauge;
    QLabel *m_summary;
    QComboBox *m_brand;
    QPushButton *m_password;
    QPushButton *m_suspend;
    QPushButton *m_delete;
    QPushButton *m_activity;
};

} // namespace mailadmin::ui
