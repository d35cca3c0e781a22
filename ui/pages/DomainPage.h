#pragma once

#include "EditorPage.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace mailadmin::ui {

class CompanyStatusActions;

// One domain's settings: alias domains, quotas, user limit, disabled, brand; open its users, delete it.
class DomainPage : public EditorPage
{
    Q_OBJECT
public:
    explicit DomainPage(AppContext *context, QWidget *parent = nullptr);
    void openDomain(const QString &name);
    QString name() const { return object().value(QLatin1String("name")).toString(); }
    void deleteDomain();

signals:
    void showUsers(const QString &domain);

protected:
    void onLoaded(const QJsonObject &domain) override;
    QString updateAction() const override { return QStringLiteral("domain.update"); }

private:
    QLabel *m_summary;
    QComboBox *m_brand;
    QPushButton *m_users;
    QPushButton *m_delete;
};

// The company's settings and the defaults its new domains and users take.
class CompanyPage : public EditorPage
{
    Q_OBJECT
public:
    explicit CompanyPage(AppContext *context, QWidget *parent = nullptr);
    void openCompany(qint64 id);
    qint64 companyId() const { return qint64(object().value(QLatin1String("id")).toDouble()); }

protected:
    void onLoaded(const QJsonObject &company) override;
    QString updateAction() const override { return QStringLiteral("company.update"); }

private:
    QLabel *m_summary;
    QComboBox *m_brand;
    CompanyStatusActions *m_status;
};

} // namespace mailadmin::ui
