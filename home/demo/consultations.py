"""Demo content: one open consultation and one closed one with its справка published."""

DRAFT_SECTIONS = {
    "socialni-uslugi-i-zdraveopazvane": [
        ("Чл. 1. Предмет", "Програмата определя социалните услуги в общността, които община Ботевград "
         "предоставя през 2027–2028 г., и реда за достъп до тях."),
        ("Чл. 2. Патронажна грижа", "Патронажната грижа се предоставя във всички населени места на общината. "
         "Потребителите получават храна, помощ в домакинството и придружаване до лекар."),
        ("Чл. 3. Мобилен здравен кабинет", "Мобилният кабинет посещава всяко село поне два пъти месечно "
         "по график, обявен в кметството и на платформата."),
        ("Чл. 4. Финансиране", "Услугите се финансират от държавно делегирани дейности, от общинския бюджет "
         "и по програми на Европейския съюз."),
    ],
    "okolna-sreda-i-otpadaci": [
        ("Раздел I. Разделно събиране", "Общината разполага цветни контейнери за хартия, пластмаса и стъкло "
         "във всички квартали и села до края на 2026 г."),
        ("Раздел II. Зелени отпадъци", "Домакинствата в селата получават безплатни компостери; зелените "
         "отпадъци от парковете се компостират на площадката край депото."),
        ("Раздел III. Такса", "Таксата за битови отпадъци се определя според количеството отпадъци, "
         "а не според данъчната оценка на имота."),
    ],
}

CONSULTATIONS = [
    {
        "policy": "socialni-uslugi-i-zdraveopazvane",
        "title": "Проект на Програма за социалните услуги 2027–2028",
        "opens_days_ago": 10,
        "period_days": 30,
        "shortened_reason": "",
        "report": False,
        "submissions": [
            {"author_name": "Сдружение „Грижа за всеки“", "email": "office@example.org", "stakeholder_type": "ngo",
             "organisation": "Сдружение „Грижа за всеки“", "section": 1,
             "text": "Предлагаме патронажната грижа да включва и почасова услуга в почивните дни.",
             "status": "approved", "answer": "partially_accepted",
             "answer_reason": "Почасовата услуга ще бъде въведена в събота; за неделя няма осигурен персонал."},
            {"author_name": "Мария Петрова", "email": "maria@example.org", "stakeholder_type": "citizen",
             "publish_name": True, "section": 2,
             "text": "Графикът на мобилния кабинет да се обявява и по радиоточката в селата, не само онлайн.",
             "status": "approved", "answer": "accepted", "answer_reason": ""},
            {"author_name": "Иван Иванов", "email": "ivan@example.org", "stakeholder_type": "citizen", "section": None,
             "text": "Моля да се предвиди транспорт до центъра за хора с увреждания от Литаково.",
             "status": "pending"},
        ],
    },
    {
        "policy": "okolna-sreda-i-otpadaci",
        "title": "Проект на Програма за управление на отпадъците 2026–2030",
        "opens_days_ago": 120,
        "period_days": 21,
        # The loader fills in the dates from the period it creates, so the reason always matches it.
        "shortened_reason": "Програмата трябва да бъде приета от Общинския съвет преди {deadline}, крайния срок "
                            "за кандидатстване по Програма „Околна среда“; затова предложения се приемат 21 дни, "
                            "до {closes}.",
        "deadline_days_after_close": 30,
        "report": True,
        "submissions": [
            {"author_name": "ЕкоБотевград ООД", "email": "info@example.com", "stakeholder_type": "business",
             "organisation": "ЕкоБотевград ООД", "section": 0,
             "text": "Да се добавят контейнери за метални опаковки в индустриалната зона.",
             "status": "approved", "answer": "accepted", "answer_reason": ""},
            {"author_name": "Георги Георгиев", "email": "g@example.org", "stakeholder_type": "citizen", "section": 2,
             "text": "Таксата да се плаща според броя на живущите, а не според количеството.",
             "status": "approved", "answer": "rejected",
             "answer_reason": "Законът за местните данъци и такси изисква основа количеството отпадъци."},
            {"author_name": "Кметство Скравена", "email": "", "stakeholder_type": "institution",
             "organisation": "Кметство Скравена", "section": 1, "channel": "registry", "registry_number": "94-00-112",
             "text": "Площадката за зелени отпадъци да работи и в събота.",
             "status": "approved", "answer": "partially_accepted",
             "answer_reason": "Площадката ще работи в събота от април до октомври."},
        ],
    },
]
