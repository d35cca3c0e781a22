#include "CredentialStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace mailadmin::api {

namespace {
const QString kService = QStringLiteral("MailAdmin");

CredentialStore::Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialStore::Outcome::Done;
    case QKeychain::EntryNotFound:
        return CredentialStore::Outcome::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return CredentialStore::Outcome::NoKeyring;
    default:
        return CredentialStore::Outcome::Failed;
    }
}
} // namespace

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) { }

void CredentialStore::read(const QString &key, QObject *context, Done done)
{
    if (m_disabled) {
        done(Outcome::NoKeyring, {});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done](QKeychain::Job *) {
        if (guard)
            done(outcomeOf(job->error()), job->textData());
    });
    job->start();
}

void CredentialStore::write(const QString &key, const QString &password, QObject *context, Done done)
{
    if (m_disabled) {
        done(Outcome::NoKeyring, {});
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key);
    job->setTextData(password);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done](QKeychain::Job *) {
        if (guard)
            done(outcomeOf(job->error()), {});
    });
    job->start();
}

void CredentialStore::forget(const QString &key)
{
    if (m_disabled)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key);
    job->start();
}

} // namespace mailadmin::api
