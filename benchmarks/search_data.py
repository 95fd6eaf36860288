"""Writes N realistic council decisions and mayor's orders as an `import_decisions` CSV: `python -m benchmarks.search_data OUT.csv`."""

import argparse
import csv
import datetime
import random
import zlib
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIRST_YEAR, LAST_YEAR = 2000, 2026
# The file's newest date: the data must not reach past the day it stands for.
LAST_DAY = datetime.date(2026, 11, 20)
COUNCIL_SHARE = 0.3
AMENDMENT_GAP = 5  # an act is changed by the act of the same body and year this many numbers later
COLUMNS = ["issuing_body", "number", "date", "session", "title", "text", "tags", "policy", "status", "documents",
           "amended_by"]
VILLAGES = ["Скравена", "Литаково", "Врачеш", "Трудовец", "Новачене", "Рашково", "Боженица", "Гурково", "Краево",
            "Липница", "Радотина", "Елов дол", "Лопян", "Зелин"]
STREETS = ["ул. „Васил Левски“", "ул. „Христо Ботев“", "бул. „България“", "ул. „Митко Палаузов“", "ул. „Търговска“",
           "ул. „Стефан Караджа“", "ул. „Цар Освободител“", "ул. „Възраждане“", "ул. „Иван Вазов“", "ул. „Шипка“"]
SCHOOLS = ["СУ „Христо Ботев“", "СУ „Св. св. Кирил и Методий“", "ОУ „Васил Левски“", "ПГ „Академик Стефан Младенов“",
           "ОУ „Никола Вапцаров“"]
KINDERGARTENS = ["„Зорница“", "„Слънце“", "„Радост“", "„Детски свят“", "„Пролет“", "„Звънче“"]
CHITALISHTA = ["„Христо Ботев – 1884“", "„Пробуда“", "„Светлина“", "„Развитие“", "„Напредък“"]
LAWS = ["Закона за общинската собственост", "Закона за публичните финанси", "Закона за местните данъци и такси",
        "Закона за предучилищното и училищното образование", "Закона за народните читалища", "Закона за пътищата",
        "Закона за управление на отпадъците", "Закона за социалните услуги", "Закона за туризма", "Закона за горите",
        "Закона за водите", "Закона за енергийната ефективност", "Закона за устройство на територията"]
MONTHS = ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември",
          "декември"]
# (tag, policy slug, titles, sentences); `|` separates the templates. Each topic uses its word in several forms.
TOPICS = [
    ("бюджет", "ikonomika-i-turizam",
     "Приемане на бюджета на община Ботевград за {year} г.|Актуализация на бюджета на общината за {year} г.|"
     "Отчет за изпълнението на бюджета на община Ботевград за {prev} г.|Допълнителни средства от бюджета за с. {village}",
     "Приема бюджета на община Ботевград за {year} г. по приходите и по разходите в размер на {amount}.|"
     "Бюджетът на общината за {year} г. предвижда капиталови разходи от {amount2}.|"
     "Одобрява промени в бюджета, като увеличава разходите за с. {village} с {amount2}.|"
     "Бюджетите на второстепенните разпоредители се утвърждават до {day} {month} {year} г.|"
     "Утвърждава бюджети на кметствата в селата {village} и {village2}."),
    ("данъци и такси", "ikonomika-i-turizam",
     "Изменение на Наредбата за определяне размера на местните данъци|Определяне на такса битови отпадъци за {year} г.|"
     "Изменение на Наредбата за местните такси и цени на услуги",
     "Определя данъка върху недвижимите имоти на {promille} на хиляда от данъчната оценка.|"
     "Таксата за битови отпадъци за жилищни имоти в с. {village} е {promille} промила.|"
     "Местните данъци и такси се плащат в Центъра за услуги и информация или по банков път.|"
     "Данъкът върху превозните средства се намалява с {percent} на сто за автомобили с категория „Евро 6“."),
    ("пътища и улици", "gradska-sreda-i-transport",
     "Ремонт на {street} в Ботевград|Рехабилитация на общинския път Ботевград – {village}|"
     "Реконструкция на улици в с. {village}",
     "Одобрява ремонта на {street} в участък от {n} м с нова асфалтова настилка и тротоари.|"
     "Рехабилитацията на пътя до с. {village} се финансира по Програмата за развитие на селските райони.|"
     "Улиците в с. {village} се включват в плана за зимно поддържане и снегопочистване.|"
     "Възлага обществена поръчка за ремонт на пътищата и улиците с прогнозна стойност {amount}."),
    ("детски градини", "obrazovanie-i-mladi-hora",
     "Прием на деца в детските градини за учебната {year}/{next} г.|Ремонт на ДГ {kindergarten} в с. {village}|"
     "Определяне на таксите за детските градини",
     "Утвърждава броя на групите в детските градини за учебната {year}/{next} г.|"
     "Месечната такса за детска градина е {fee} за дете.|Одобрява ремонт на ДГ {kindergarten} за {amount2}.|"
     "Общината поддържа детски градини с филиали в селата {village} и {village2}.|"
     "Децата от с. {village} посещават детска градина в Ботевград с безплатен транспорт."),
    ("училища", "obrazovanie-i-mladi-hora",
     "Финансиране на училищата в общината през {year} г.|Ремонт на сградата на {school}|"
     "Ученически транспорт до {school}",
     "Одобрява финансирането на {school} за обновяване на физкултурния салон.|"
     "Учениците от с. {village} пътуват до училище с училищен автобус.|"
     "Утвърждава списъка на средищните училища за учебната {year}/{next} г.|"
     "Общината осигурява закуски на учениците от първи до четвърти клас."),
    ("читалища", "",
     "Програма за развитие на читалищната дейност за {year} г.|Субсидия за НЧ {chitalishte} в с. {village}|"
     "Отчет за дейността на читалищата за {prev} г.",
     "Приема годишната програма за развитие на читалищната дейност за {year} г.|"
     "Отпуска допълнителна субсидия на НЧ {chitalishte} в размер на {amount2}.|"
     "Читалищата в селата поддържат библиотеки, самодейни състави и празници.|"
     "Читалищните настоятелства представят отчетите си до 31 март {year} г."),
    ("спорт", "obrazovanie-i-mladi-hora",
     "Програма за развитие на физическото възпитание и спорта за {year} г.|Подпомагане на спортните клубове|"
     "Ремонт на стадиона в с. {village}",
     "Разпределя средствата за спортните клубове по одобрени критерии.|"
     "Одобрява ремонта на стадиона в с. {village} и на игрището към {school}.|"
     "Баскетболен клуб „Балкан“ получава целева субсидия от {amount2}.|"
     "Спортната зала „Арена Ботевград“ се предоставя безвъзмездно на училищата."),
    ("култура", "",
     "Културен календар на община Ботевград за {year} г.|Честване на празника на Ботевград|"
     "Събор на с. {village}",
     "Утвърждава културния календар на общината за {year} г. с {count} събития.|"
     "Одобрява {amount2} за провеждане на събора в с. {village}.|"
     "Историческият музей подготвя изложба за годишнината от освобождението на Ботевград.|"
     "Празникът на града се отбелязва с концерти на площад „Освобождение“."),
    ("благоустройство", "gradska-sreda-i-transport",
     "Благоустрояване на площада в с. {village}|Подробен устройствен план за имот {parcel} в землището на с. {village}|"
     "Детска площадка на {street}",
     "Одобрява подробен устройствен план за поземлен имот {parcel}.|"
     "Благоустрояването на междублоковите пространства включва паркоместа и осветление.|"
     "Изгражда детска площадка на {street} с ударопоглъщаща настилка.|"
     "Уличното осветление в с. {village} се подменя с LED осветители."),
    ("общинска собственост", "ikonomika-i-turizam",
     "Продажба на общински имот в с. {village}|Отдаване под наем на помещение на {street}|"
     "Програма за управление на имотите – общинска собственост за {year} г.",
     "Дава съгласие за продажба чрез търг на имот – частна общинска собственост, с площ {area} кв. м.|"
     "Началната тръжна цена на имота е {amount2} без ДДС.|"
     "Помещението се отдава под наем за {years} години чрез публично оповестен конкурс.|"
     "Имотът е актуван с акт за частна общинска собственост № {n}/{year} г."),
    ("обществен транспорт", "gradska-sreda-i-transport",
     "Утвърждаване на транспортната схема на общината|Разписание на линията Ботевград – {village}|"
     "Компенсиране на превоза на ученици и пенсионери",
     "Утвърждава промени в транспортната схема по линията Ботевград – {village}.|"
     "Автобусите тръгват от автогарата в {hour} часа в работни дни.|"
     "Пенсионерите пътуват с намаление от {percent} на сто по всички линии.|"
     "Превозвачът се избира чрез конкурс за срок от пет години."),
    ("сметосъбиране", "okolna-sreda-i-otpadaci",
     "График за сметосъбиране и сметоизвозване за {year} г.|Районите за сметосъбиране|"
     "Контейнери за битови отпадъци в с. {village}",
     "Определя районите, в които се извършва сметосъбиране през {year} г.|"
     "Сметосъбирането в с. {village} се извършва два пъти седмично.|"
     "Поставят се {count} нови контейнера за смесени битови отпадъци."),
    ("отпадъци", "okolna-sreda-i-otpadaci",
     "Програма за управление на отпадъците|Разделно събиране на отпадъци от опаковки|"
     "Рекултивация на старото сметище край с. {village}",
     "Приема програмата за управление на отпадъците за {year}–{plus5} г.|"
     "Отпадъците от опаковки се събират разделно в жълти и сини контейнери.|"
     "Рекултивацията на сметището край с. {village} се финансира от отчисленията по чл. 64.|"
     "Зелените отпадъци се компостират на площадката на регионалното депо."),
    ("социални услуги", "socialni-uslugi-i-zdraveopazvane",
     "Домашен социален патронаж през {year} г.|Дневен център за възрастни хора в с. {village}|"
     "План за развитие на социалните услуги за {year} г.",
     "Домашният социален патронаж доставя храна на {count} възрастни хора.|"
     "Открива дневен център за хора с увреждания в с. {village}.|"
     "Таксите за социалните услуги се определят по Наредбата за качеството на социалните услуги.|"
     "Личните асистенти по механизма „Лична помощ“ се наемат от общината."),
    ("туризъм", "ikonomika-i-turizam",
     "Програма за развитие на туризма за {year} г.|Определяне на туристическия данък|Екопътека до с. {village}",
     "Туристическият данък е {fee} за нощувка.|Одобрява маркирането на екопътека от с. {village} до хижа „Мургаш“.|"
     "Туристическият информационен център е в сградата на Часовниковата кула.|"
     "Общината участва в туристическо изложение с щанд за забележителностите."),
    ("земеделие", "ikonomika-i-turizam",
     "Пасища и мери в землището на с. {village}|Разпределение на пасищата за стопанската {year}/{next} г.",
     "Определя пасищата и мерите за общо и индивидуално ползване в землището на с. {village}.|"
     "Наемната цена на пасищата е {fee} на декар годишно.|"
     "Земите от общинския поземлен фонд се отдават под наем до {years} години."),
    ("гори", "okolna-sreda-i-otpadaci",
     "План за ползване на дървесина в общинските гори за {year} г.|Дърва за огрев за населението",
     "Утвърждава годишния план за ползване на дървесина от общинските горски територии.|"
     "Дървата за огрев струват {fee} за пространствен кубичен метър.|"
     "Сечта в горите край с. {village} се извършва под контрола на общинското горско предприятие."),
    ("водоснабдяване", "gradska-sreda-i-transport",
     "Подмяна на водопровода в с. {village}|Бизнес план на ВиК оператора|Водопроводът на {street}",
     "Одобрява подмяната на {n} м етернитови тръби от водопровода на с. {village}.|"
     "Съгласува бизнес плана на „ВиК“ ЕООД – Ботевград за {year}–{plus5} г.|"
     "Водоснабдяването се възстановява след изграждане на нов напорен резервоар."),
    ("енергийна ефективност", "okolna-sreda-i-otpadaci",
     "Програма за енергийна ефективност за {year}–{plus5} г.|Саниране на жилищна сграда на {street}|"
     "Енергийна ефективност в {school}",
     "Приема общинската програма за енергийна ефективност.|Сградата на {school} се топлоизолира.|"
     "Инсталира се фотоволтаична система от {kw} kW на покрива на общинската администрация.|"
     "Енергийното обследване на обществените сгради показва спестяване от {percent} на сто."),
    ("зелени площи", "okolna-sreda-i-otpadaci",
     "Поддържане на зелените площи през {year} г.|Обновяване на градския парк|Засаждане на дървета в с. {village}",
     "Възлага поддържането на зелените площи на общинското предприятие.|"
     "В градския парк се засаждат {count} нови дървета и храсти.|"
     "Косенето на тревните площи в с. {village} се извършва от кметството."),
]
GENERAL = ("Предложението е обсъдено в постоянните комисии на общинския съвет.|"
           "Финансирането е за сметка на собствените приходи на общината.|"
           "Кметът на общината уведомява заинтересованите лица в 14-дневен срок.|"
           "Документите са на разположение в деловодството на общинската администрация.|"
           "Кметството на с. {village} оказва съдействие при изпълнението.|"
           "Обявлението се публикува на интернет страницата на общината и в кметствата.|"
           "Актът може да се обжалва пред Административния съд – София област в 14-дневен срок.|"
           "Срокът за изпълнение е {day} {month} {year} г.|"
           "Средствата в размер на {amount2} се осигуряват от целевата субсидия за капиталови разходи.|"
           "Докладната записка на кмета и становищата на комисиите са неразделна част от протокола.|"
           "Общинската администрация осигурява публичност чрез местните медии и социалните мрежи.|"
           "Гражданите могат да изпращат предложения по електронна поща или на хартия в деловодството.|"
           "Отчет за изпълнението се внася в общинския съвет в срок до края на {year} г.|"
           "Счетоводният отдел отразява промените в срок от пет работни дни.|"
           "При неизпълнение на договора общината го прекратява едностранно без предизвестие.").split("|")
MAYOR_TITLES = ("Назначаване на комисия за търг за имот в с. {village}|Работното време на кметството в с. {village}|"
                "Вътрешни правила за {tag}").split("|")
# Each rare word is in about five rows, whatever N: the benchmark's "rare word".
RARE = {"шадраван": "Възлага ремонт на шадравана на площада в с. {village}.",
        "дендрариум": "Одобрява създаването на дендрариум в двора на {school}.",
        "хидрофор": "Доставя се нов хидрофор за помпената станция в с. {village}.",
        "аязмо": "Почиства се аязмото край с. {village} преди празника.",
        "камбанария": "Укрепва се камбанарията на църквата в с. {village}.",
        "пясъкоуловител": "Изгражда се пясъкоуловител на дъждовната канализация по {street}.",
        "стенопис": "Реставрира се стенописът в читалището на с. {village}."}
RARE_WORDS = list(RARE)
# Only inside the attached PDFs, never in a row's text: finding them proves the documents are searched.
DOCUMENT_STREETS = ["Чавдарица", "Зеленика", "Бистришка", "Елешница", "Каменарска", "Стрелбищна", "Драгоманска",
                    "Калоферска", "Арбанашка", "Кайлъшка"]
DOCUMENT_WORD = DOCUMENT_STREETS[0]
TOPIC_TEMPLATES = [(tag, policy, titles.split("|"), sentences.split("|")) for tag, policy, titles, sentences in TOPICS]


def years_and_counts(rows):
    """(year, council count, mayor count), newest year first, adding up to `rows`."""
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    for index in reversed(range(len(years))):
        count = rows * (index + 1) // len(years) - rows * index // len(years)
        council = round(count * COUNCIL_SHARE)
        yield years[index], council, count - council


def act_date(body, year, number, count):
    """Council decisions fall on monthly session days, orders spread over working days; numbers grow with the date."""
    last = LAST_DAY if year == LAST_DAY.year else datetime.date(year, 12, 28)
    if body == "council":
        sessions = last.month
        session = (number - 1) * sessions // count
        day = datetime.date(year, session + 1, 14)
        return day + datetime.timedelta(days=(3 - day.weekday()) % 7), session + 1 + 12 * ((year - 1999) % 4)
    first = datetime.date(year, 1, 2)
    day = first + datetime.timedelta(days=(number - 1) * (last - first).days // count)
    return day + datetime.timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0)), None


def change(body, year, number):
    """'amended', 'repealed' or '' for an act, decided from its key alone so the changing act can know it too."""
    digest = zlib.crc32(f"{body}{year}{number}".encode())
    if digest % 50:
        return ""
    return "repealed" if (digest // 50) % 3 == 0 else "amended"


def values(rng, year, tag=""):
    currency = "евро" if year >= 2026 else "лв."
    return {
        "year": year, "prev": year - 1, "next": year + 1, "plus5": year + 5, "tag": tag,
        "village": rng.choice(VILLAGES), "village2": rng.choice(VILLAGES), "street": rng.choice(STREETS),
        "school": rng.choice(SCHOOLS), "kindergarten": rng.choice(KINDERGARTENS), "chitalishte": rng.choice(CHITALISHTA),
        "amount": f"{rng.randrange(200, 40000) * 1000:,} {currency}".replace(",", " "),
        "amount2": f"{rng.randrange(20, 3000) * 100:,} {currency}".replace(",", " "),
        "fee": f"{rng.randrange(1, 90)},{rng.randrange(0, 100):02d} {currency}", "promille": f"{rng.randrange(1, 9)},{rng.randrange(0, 10)}",
        "percent": rng.randrange(5, 60), "count": rng.randrange(3, 80), "n": rng.randrange(40, 2400),
        "area": rng.randrange(50, 9000), "years": rng.randrange(2, 11), "hour": f"{rng.randrange(5, 20)}:{rng.choice(['00', '15', '30', '45'])}",
        "kw": rng.randrange(10, 300), "day": rng.randrange(1, 29), "month": rng.choice(MONTHS),
        "parcel": f"{rng.randrange(1000, 99999)}.{rng.randrange(1, 999)}.{rng.randrange(1, 99)}",
    }


def body_text(rng, body, topic, fill, extra=()):
    """100–400 words: the legal basis, numbered points from the topic and general clauses, the closing."""
    tag, _policy, _titles, sentences = topic
    if body == "council":
        opening = (f"На основание чл. 21, ал. 1, т. {rng.randrange(1, 24)} от Закона за местното самоуправление и "
                   f"местната администрация и {rng.choice(LAWS)}, Общински съвет – Ботевград\n\nРЕШИ:")
        closing = "Възлага на кмета на община Ботевград изпълнението на решението."
    else:
        opening = (f"На основание чл. 44, ал. 2 от Закона за местното самоуправление и местната администрация и "
                   f"{rng.choice(LAWS)}\n\nНАРЕЖДАМ:")
        closing = ("Контрол по изпълнението на заповедта възлагам на заместник-кмета. Заповедта да се доведе до "
                   "знанието на служителите от общинска администрация Ботевград за сведение и изпълнение.")
    target = rng.randrange(100, 401)
    points = [template.format_map(fill) for template in extra]
    pool = rng.sample(sentences, len(sentences)) + rng.sample(GENERAL, len(GENERAL))
    words = len(opening.split()) + len(closing.split()) + sum(len(point.split()) for point in points)
    for template in pool:
        if words >= target:
            break
        points.append(template.format_map(values(rng, fill["year"], tag)))
        words += len(points[-1].split()) + 1
    items = []
    while words < target:
        # A long act ends in an itemised list, as budget and property decisions do.
        item = values(rng, fill["year"], tag)
        items.append(f"– с. {item['village']}, {item['street']}: {item['amount2']}")
        words += len(items[-1].split())
    if items:
        points.append("Разпределя средствата, както следва:\n" + "\n".join(items))
    rng.shuffle(points)
    return "\n\n".join([opening, *(f"{index}. {point}" for index, point in enumerate(points, 1)), closing])


def write_document(folder, relative, citation, rng):
    from fpdf import FPDF

    street = rng.choice(DOCUMENT_STREETS)
    lines = [f"Приложение № 1 към {citation}", "Количествено-стойностна сметка",
             f"Обект: ул. „{street}“ № {rng.randrange(1, 90)}, с. {rng.choice(VILLAGES)}"]
    lines += [f"{item} – {rng.randrange(10, 900)} кв. м" for item in ("Фрезоване на настилка", "Полагане на асфалтобетон",
                                                                      "Подмяна на бордюри") if rng.random() < 0.8]
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 7, "\n".join(lines))
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def write_dataset(path, rows=100_000, seed=2026):
    """Write the CSV (and its PDFs under documents/) newest first, row by row; returns how many rows and PDFs."""
    path = Path(path)
    rng = random.Random(seed)
    rare_period = max(rows // 5, 1)
    document_period = max(rows // 300, 20)
    written = documents = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for year, council, mayor in years_and_counts(rows):
            for body, count in (("council", council), ("mayor", mayor)):
                for number in range(count, 0, -1):
                    row = make_row(rng, body, year, number, count, written, rare_period)
                    if written % document_period == 3:
                        relative = f"documents/{year}/prilozhenie_{body}_{number}_{year}.pdf"
                        kind = "Решение" if body == "council" else "Заповед"
                        write_document(path.parent, relative, f"{kind} № {number}/{year} г.", rng)
                        row[9] = relative
                        documents += 1
                    writer.writerow(row)
                    written += 1
    return written, documents


def make_row(rng, body, year, number, count, index, rare_period):
    topic = rng.choice(TOPIC_TEMPLATES)
    tag, policy, titles, _sentences = topic
    fill = values(rng, year, tag)
    date, session = act_date(body, year, number, count)
    kind = "Решение" if body == "council" else "Заповед"
    title_options = titles + (MAYOR_TITLES if body == "mayor" else [])
    title = rng.choice(title_options).format_map(fill)
    extra = [template for word_index, template in enumerate(RARE.values()) if index % rare_period == 11 + 37 * word_index]
    changed = number - AMENDMENT_GAP
    if changed >= 1 and change(body, year, changed):
        changed_date, _ = act_date(body, year, changed, count)
        verb = "Отмяна" if change(body, year, changed) == "repealed" else "Изменение"
        title = f"{verb} на {kind} № {changed} от {changed_date:%d.%m.%Y} г."
        extra.append(f"{'Отменя' if verb == 'Отмяна' else 'Изменя'} {kind} № {changed}/{year} г. по предложение на кмета.")
    text = body_text(rng, body, topic, fill, extra)
    tags = [tag] + ([fill["village"]] if rng.random() < 0.3 else [])
    status = change(body, year, number) if number + AMENDMENT_GAP <= count else ""
    amended_by = f"{'zapoved-' if body == 'mayor' else ''}{year}-{number + AMENDMENT_GAP}" if status else ""
    return [body, number, date.isoformat(), session or "", title, text, ";".join(tags),
            policy if policy and rng.random() < 0.6 else "", status, "", amended_by]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", help="the CSV to write; its PDFs go to documents/ beside it")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    rows, documents = write_dataset(arguments.output, arguments.rows, arguments.seed)
    print(f"{rows} rows, {documents} PDFs; rare words: {', '.join(RARE_WORDS)}; in PDFs only: {DOCUMENT_WORD}")


if __name__ == "__main__":
    main()
