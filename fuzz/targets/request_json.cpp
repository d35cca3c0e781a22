// A request body as the server reads it: one JSON object, checked against an entity's field rules (create or
// patch) and the password policy, refused as a problem document. The first byte picks the entity and the
// mode; the rest is the body.
#include "FuzzCheck.h"
#include "Json.h"
#include "Schema.h"
#include "Validation.h"
#include "http/Problem.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace mailadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const EntitySchema *const schemas[] = {&EntitySchema::company(), &EntitySchema::contact(),
        &EntitySchema::domain(), &EntitySchema::user(), &EntitySchema::brand(), &EntitySchema::admin(),
        &EntitySchema::cluster(), &EntitySchema::mailStore(), &EntitySchema::incident()};
    const EntitySchema &schema = *schemas[(data[0] >> 1) % std::size(schemas)];
    const auto mode = data[0] & 1 ? EntitySchema::Mode::Patch : EntitySchema::Mode::Create;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Result<QJsonObject> parsed = json::parseObject(body);
    if (!parsed.ok()) {
        const http::HttpResponse refusal = http::problem(parsed.error(), QStringLiteral("fuzz"));
        FUZZ_CHECK(refusal.status == 400);
        return 0;
    }
    const Result<QJsonObject> checked = schema.validate(parsed.value(), mode);
    if (!checked.ok()) {
        FUZZ_CHECK(!checked.error().fields.isEmpty());
        const http::HttpResponse refusal = http::problem(checked.error(), QStringLiteral("fuzz"));
        FUZZ_CHECK(refusal.status >= 400 && refusal.status < 500);
        FUZZ_CHECK(QJsonDocument::fromJson(refusal.body).isObject());
        return 0;
    }
    // What the rules accepted is in its canonical form: checking it again accepts it unchanged (a client
    // sends back the object it was given).
    const Result<QJsonObject> again = schema.validate(checked.value(), mode);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == checked.value());
    // A password that passed the field rules meets the policy next, as the user and admin services check it.
    const QJsonObject &accepted = checked.value();
    if (accepted.contains(QStringLiteral("password"))) {
        const QString context = accepted.value(QStringLiteral("login"))
                                    .toString(accepted.value(QStringLiteral("local_part")).toString());
        const validation::PasswordCheck policy
            = validation::checkPassword(accepted.value(QStringLiteral("password")).toString(), {context});
        FUZZ_CHECK(policy.ok() == policy.reasons.isEmpty());
    }
    // And it goes out as JSON that reads back the same.
    const Result<QJsonObject> echoed = json::parseObject(json::compact(checked.value()));
    FUZZ_CHECK(echoed.ok() && echoed.value() == checked.value());
    return 0;
}
