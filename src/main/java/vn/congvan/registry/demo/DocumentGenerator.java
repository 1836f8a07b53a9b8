package vn.congvan.registry.demo;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.document.SearchableText;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Fills registers with synthetic documents for volume tests, with set-based SQL: a slice of the
 * period at a time, numbered in date order within each register and year, searchable like
 * registered ones, all pointing at one stored sample PDF. A benchmark tool: it writes no audit
 * records and is never run on a normal start.
 */
@Service
public class DocumentGenerator {

    static final int SLICE = 100_000;
    private static final Logger log = LoggerFactory.getLogger(DocumentGenerator.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Blobs blobs;

    DocumentGenerator(JdbcClient jdbc, TransactionTemplate transactions, Blobs blobs) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.blobs = blobs;
    }

    /** Generates {@code count} documents spread over [from, to] across the given units. */
    public long generate(List<UUID> unitIds, long count, LocalDate from, LocalDate to) {
        if (unitIds.isEmpty() || count < 1 || to.isBefore(from)) {
            throw new IllegalArgumentException("Units, a positive count and a period are needed");
        }
        StoredBlob sample = blobs.store(new ByteArrayInputStream(SamplePdfs.sample()));
        transactions.executeWithoutResult(tx -> prepareUnits(unitIds));
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int slices = (int) Math.max(1, (count + SLICE - 1) / SLICE);
        long done = 0;
        for (int s = 0; s < slices; s++) {
            long size = s == slices - 1 ? count - done : count / slices;
            LocalDate sliceFrom = from.plusDays(days * s / slices);
            long sliceDays = Math.max(1, days * (s + 1) / slices - days * s / slices);
            Long inserted = transactions.execute(tx -> insertSlice(size, sliceFrom, sliceDays, sample));
            done += inserted == null ? 0 : inserted;
            log.info("Generated {} of {} documents", done, count);
        }
        // Fresh planner statistics for whoever reads the new rows next (the statistics' recount): right
        // after a bulk load the tables have none, and a plan made blind joins millions of rows the slow way.
        jdbc.sql("analyze document, document_file, register, register_counter").update();
        return done;
    }

    private void prepareUnits(List<UUID> unitIds) {
        for (String direction : List.of("OUTGOING", "INCOMING")) {
            jdbc.sql("""
                            insert into register (id, unit_id, direction, name, confidential)
                            select gen_random_uuid(), u.id, ?, ?, false from directory_units u
                            where u.id = any(?) and not exists (select 1 from register r where r.unit_id = u.id
                              and r.direction = ? and not r.confidential and r.document_types is null)""")
                    .params(
                            direction,
                            direction.equals("OUTGOING") ? "Sổ đăng ký văn bản đi" : "Sổ đăng ký văn bản đến",
                            unitIds.toArray(new UUID[0]),
                            direction)
                    .update();
        }
        jdbc.sql("drop table if exists generated_unit").update();
        jdbc.sql("""
                        create unlogged table generated_unit as
                        select (row_number() over (order by u.id) - 1)::int as idx, u.id as unit_id, u.name,
                          u.abbreviation, u.organ_id, ''::text as folded_name,
                          ''::text as folded_abbreviation,
                          (select m.person_id from directory_memberships m
                            where m.unit_id = u.id and m.role = 'CLERK' limit 1)
                            as clerk,
                          (select r.id from register r where r.unit_id = u.id and r.direction = 'OUTGOING'
                            and not r.confidential and r.document_types is null limit 1) as outgoing_register,
                          (select r.id from register r where r.unit_id = u.id and r.direction = 'INCOMING'
                            and not r.confidential and r.document_types is null limit 1) as incoming_register
                        from directory_units u where u.id = any(?)""").param(unitIds.toArray(new UUID[0])).update();
        jdbc.sql("select unit_id, name, abbreviation from generated_unit")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(u -> jdbc.sql("update generated_unit set folded_name = ?, folded_abbreviation = ? "
                                + "where unit_id = ?::uuid")
                        .params(SearchableText.normalize(u[1]), SearchableText.normalize(u[2]), u[0])
                        .update());
        jdbc.sql("update generated_unit set clerk = (select id from directory_people limit 1) where clerk is null")
                .update();
    }

    private long insertSlice(long size, LocalDate from, long days, StoredBlob sample) {
        List<DocumentType> types = SyntheticText.TYPES;
        String[] typeCodes = types.stream().map(Enum::name).toArray(String[]::new);
        String[] typeNames = types.stream().map(DocumentType::vietnameseName).toArray(String[]::new);
        String[] typeAbbreviations = types.stream()
                .map(t -> t.abbreviation() == null ? "" : t.abbreviation())
                .toArray(String[]::new);
        String[] foldedTypeNames = SyntheticText.folded(
                types.stream().map(DocumentType::vietnameseName).toList());
        String[] foldedAbbreviations = SyntheticText.folded(types.stream()
                .map(t -> t.abbreviation() == null ? "" : t.abbreviation())
                .toList());
        int units = jdbc.sql("select count(*) from generated_unit")
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        with drawn as (
                          select g, gen_random_uuid() as id, floor(random() * :units)::int as unit_idx,
                            floor(random() * :units)::int as sender_idx, random() < 0.55 as incoming,
                            :from::date + floor(random() * :days)::int as day,
                            1 + floor(random() * cardinality(:typeCodes::text[]))::int as t,
                            1 + floor(random() * cardinality(:subjects::text[]))::int as s,
                            1 + floor(random() * cardinality(:places::text[]))::int as p,
                            random() as r
                          from generate_series(1, :size) g
                        ), placed as (
                          select d.*, u.unit_id, u.abbreviation, u.organ_id, u.name, u.folded_name,
                            u.folded_abbreviation, u.clerk,
                            case when d.incoming then u.incoming_register else u.outgoing_register end as register_id,
                            extract(year from d.day)::int as year,
                            sender.name as sender_name, sender.folded_name as sender_folded,
                            sender.organ_id as sender_organ, sender.abbreviation as sender_abbreviation,
                            sender.folded_abbreviation as sender_folded_abbreviation
                          from drawn d
                          join generated_unit u on u.idx = d.unit_idx
                          join generated_unit sender on sender.idx = d.sender_idx
                        ), numbered as (
                          select p.*, coalesce(c.last_number, 0)
                            + row_number() over (partition by p.register_id, p.year order by p.day, p.g) as number
                          from placed p
                          left join register_counter c on c.register_id = p.register_id and c.year = p.year
                        ), described as (
                          select n.*,
                            case when n.incoming then (1 + floor(n.r * 1900))::int::text
                                 when n.number < 10 then '0' || n.number else n.number::text end as code_number,
                            case when (:typeAbbreviations::text[])[n.t] = ''
                                 then case when n.incoming then n.sender_abbreviation || '-VP' else n.abbreviation end
                                 else (:typeAbbreviations::text[])[n.t] || '-'
                                   || case when n.incoming then n.sender_abbreviation else n.abbreviation end
                            end as code_notation,
                            (:subjects::text[])[n.s] || ' ' || (:places::text[])[n.p] as subject,
                            (:foldedSubjects::text[])[n.s] || ' ' || (:foldedPlaces::text[])[n.p] as folded_subject
                          from numbered n
                        ), inserted as (
                          insert into document (id, direction, unit_id, register_id, register_year, number,
                            document_type, type_name, code_number, code_notation, issued_date, organ_id, organ_name,
                            subject, language, page_amount, signer_authority, signer_position, signer_full_name,
                            priority, confidentiality, arrival_date, arrival_number, paper, status, search_vector,
                            created_by, created_at)
                          select d.id, case when d.incoming then 'INCOMING' else 'OUTGOING' end, d.unit_id,
                            d.register_id, d.year, d.number, (:typeCodes::text[])[d.t], (:typeNames::text[])[d.t],
                            d.code_number, d.code_notation,
                            case when d.incoming then d.day - floor(d.r * 4)::int else d.day end,
                            case when d.incoming then d.sender_organ else d.organ_id end,
                            case when d.incoming then d.sender_name else d.name end,
                            d.subject, 'vi', 1 + floor(d.r * 12)::int, 'NONE', 'Giám đốc', 'Nguyễn Văn An',
                            case when d.r > 0.92 then 1 else 0 end, 0,
                            case when d.incoming then (d.day + interval '8 hours' + d.r * interval '9 hours')
                              at time zone 'Asia/Ho_Chi_Minh' end,
                            case when d.incoming then d.number end,
                            d.r > 0.97, case when d.incoming then 'REGISTERED' else 'ISSUED' end,
                            to_tsvector('simple', (:foldedTypeNames::text[])[d.t] || ' ' || d.code_number || ' '
                              || case when d.incoming then d.sender_folded_abbreviation else d.folded_abbreviation end
                              || ' ' || (:foldedAbbreviations::text[])[d.t] || ' '
                              || case when d.incoming then d.sender_folded else d.folded_name end || ' '
                              || d.folded_subject),
                            d.clerk, (d.day + interval '9 hours') at time zone 'Asia/Ho_Chi_Minh'
                          from described d
                          returning id
                        ), files as (
                          insert into document_file (id, document_id, role, position, sha256, file_name,
                            content_type, size, page_count)
                          select gen_random_uuid(), i.id, 'MAIN', 1, :sha, 'van-ban.pdf', 'application/pdf', :bytes, 1
                          from inserted i
                          returning 1
                        ), counters as (
                          insert into register_counter (register_id, year, last_number)
                          select register_id, year, max(number) from numbered group by register_id, year
                          on conflict (register_id, year)
                          do update set last_number = greatest(register_counter.last_number, excluded.last_number)
                          returning 1
                        )
                        select (select count(*) from files) + 0 * (select count(*) from counters)""")
                .param("units", units)
                .param("from", from)
                .param("days", days)
                .param("size", size)
                .param("typeCodes", typeCodes)
                .param("typeNames", typeNames)
                .param("typeAbbreviations", typeAbbreviations)
                .param("foldedTypeNames", foldedTypeNames)
                .param("foldedAbbreviations", foldedAbbreviations)
                .param("subjects", SyntheticText.array(SyntheticText.SUBJECTS))
                .param("foldedSubjects", SyntheticText.folded(SyntheticText.SUBJECTS))
                .param("places", SyntheticText.array(SyntheticText.PLACES))
                .param("foldedPlaces", SyntheticText.folded(SyntheticText.PLACES))
                .param("sha", sample.sha256())
                .param("bytes", sample.size())
                .query(Long.class)
                .single();
    }
}
