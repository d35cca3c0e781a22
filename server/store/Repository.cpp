#include "store/Repository.h"

namespace mailadmin::store {

Repository::Repository(Database &db, const Table &table) : m_db(db), m_table(table) { }

Record Repository::toRecord(QJsonObject data)
{
    Record r;
    r.id = qint64(data.value(QLatin1String("id")).toDouble());
    r.version = data.value(QLatin1String("version")).toInt();
    r.companyId = qint64(data.value(QLatin1String("company_id")).toDouble());
    r.domainId = qint64(data.value(QLatin1String("domain_id")).toDouble());
    r.data = std::move(data);
    return r;
}

Result<Record> Repository::byId(qint64 id, bool computed) const
{
    return fetchOne(QStringLiteral("t.id = ?"), {id}, computed);
}

Result<Record> Repository::fetchOne(const QString &where, const QVariantList &values, bool computed) const
{
    Statement q
        = m_db.prepare(QStringLiteral("SELECT %1 FROM %2 t WHERE %3")
                           .arg(m_table.selectList(QStringLiteral("t"), computed), m_table.name(), where));
    for (const QVariant &v : values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Record {};
    return toRecord(m_table.read(q, 0, computed));
}

Result<Page> Repository::fetchPage(const Where &where, const QString &orderBy, int offset, int limit,
    const QString &totalSql, bool rendered) const
{
    Page page;
    page.offset = offset;
    page.limit = limit;
    const Result<qint64> total = totalSql.isEmpty()
        ? count(QStringLiteral("SELECT COUNT(*) FROM %1 t%2").arg(m_table.name(), where.sql()), where.values)
        : count(totalSql, {});
    if (!total.ok())
        return total.error();
    page.total = total.value();
    if (page.total == 0 || offset >= page.total)
        return page;
    Statement q = m_db.prepare(QStringLiteral("SELECT %1 FROM %2 t%3 ORDER BY %4 LIMIT ? OFFSET ?")
                                   .arg(m_table.selectList(), m_table.name(), where.sql(), orderBy));
    for (const QVariant &v : where.values)
        q.bind(v);
    q.bind(limit).bind(offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next()) {
        if (rendered)
            page.rendered.append(m_table.render(q));
        else
            page.items.append(toRecord(m_table.read(q)));
    }
    return page;
}

Result<qint64> Repository::count(const QString &sql, const QVariantList &values) const
{
    Statement q = m_db.prepare(sql);
    for (const QVariant &v : values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toInt(0) : 0;
}

Status Repository::run(const QString &sql, const QVariantList &values) const
{
    Statement q = m_db.prepare(sql);
    for (const QVariant &v : values)
        q.bind(v);
    return q.exec();
}

} // namespace mailadmin::store
