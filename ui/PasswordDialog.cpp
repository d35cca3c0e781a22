#include "PasswordDialog.h"

#include "ApiClient.h"
#include "AppContext.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace mailadmin::ui {

QString PasswordWidget::generatePassword(int length)
{
    static const QString alphabet
        = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.!");
    for (;;) {
        QString out;
        bool lower = false, upper = false, digit = false;
        for (int i = 0; i < length; ++i) {
            const QChar c = alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
            lower |= c.isLower();
            upper |= c.isUpper();
            digit |= c.isDigit();
            out += c;
        }
        if (lower && upper && digit)
            return out;
    }
}

PasswordWidget::PasswordWidget(
    AppContext *context, const QString &path, const QString &account, QWidget *parent)
    : QWidget(parent), m_context(context), m_path(path)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("New password for <b>%1</b>. A strong one is suggested; you may type your own.")
                         .arg(account.toHtmlEscaped()),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_generate = new QPushButton(tr("&Generate"), this);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    row->addWidget(m_edit, 1);
    row->addWidget(m_generate);
    row->addWidget(m_copy);
    layout->addLayout(row);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_set = new QPushButton(tr("&Set password"), this);
    m_set->setObjectName(QStringLiteral("setPasswordButton"));
    m_set->setDefault(true);
    layout->addWidget(m_set, 0, Qt::AlignRight);
    connect(m_generate, &QPushButton::clicked, this, &PasswordWidget::generate);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_edit->text());
        m_message->setText(tr("Copied to the clipboard."));
    });
    connect(m_set, &QPushButton::clicked, this, &PasswordWidget::submit);
    generate();
}

QString PasswordWidget::password() const
{
    return m_edit->text();
}

void PasswordWidget::setPassword(const QString &password)
{
    m_edit->setText(password);
}

void PasswordWidget::generate()
{
    m_edit->setText(generatePassword());
}

void PasswordWidget::submit()
{
    if (m_done)
        return;
    m_set->setEnabled(false);
    m_message->setText(tr("Setting the password…"));
    m_context->api()->post(m_path, QJsonObject {{QStringLiteral("password"), m_edit->text()}}, this,
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                m_set->setEnabled(true);
                QStringList reasons;
                for (const FieldError &e : result.error.fields)
                    reasons << QStringLiteral("• ") + e.message;
                m_message->setText(reasons.isEmpty()
                        ? result.error.message()
                        : tr("The server refused this password:\n%1").arg(reasons.join(QLatin1Char('\n'))));
                return;
            }
            m_done = true;
            m_answer = result.json;
            m_edit->setReadOnly(true);
            m_generate->setEnabled(false);
            m_set->hide();
            m_message->setText(tr("The password is set. Copy it now: it is not shown again."));
            emit finished(true);
        });
}

PasswordDialog::PasswordDialog(
    AppContext *context, const QString &path, const QString &account, QWidget *parent)
    : QDialog(parent), m_widget(new PasswordWidget(context, path, account, this))
{
    setWindowTitle(tr("Reset password"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(480, 200);
}

} // namespace mailadmin::ui
