"""Word lists for Korean and Chinese personal names, and the cues around them.

Kept as data, apart from the rules, so that a reviewer can read what counts as a surname
or a kinship cue without reading code. North Korean spellings keep the initial ㄹ/ㄴ that
South Korean spelling drops (리 for 이, 로 for 노, 류 for 유, 라 for 나), so both are here.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Single-syllable Korean surnames, South and North Korean spellings; rare one-syllable
# surnames that are also frequent word starts (사, 부, 가, 동 …) are left out on purpose.
SURNAMES = _set(
    "김 이 리 박 정 최 조 강 장 윤 한 임 림 오 서 신 권 황 안 송 전 홍 유 류 고 문 양 량 "
    "손 배 백 허 남 심 노 로 하 곽 성 차 주 우 구 민 나 라 진 지 엄 채 원 천 방 공 현 "
    "함 변 염 렴 여 려 추 도 소 석 선 설 마 길 연 련 위 표 명 기 반 왕 금 옥 육 인 "
    "맹 제 모 탁 국 태 계 편 용 룡 예 봉 경 어 은"
)
SURNAMES_2 = _set("남궁 황보 제갈 선우 독고 사공 서문 동방 어금 망절")

# Chinese surnames as Koreans write them (Mandarin sound or Sino-Korean reading).
CN_SURNAMES_KO = _set(
    "왕 리 장 류 천 자오 저우 우 쉬 쑨 마 주 후 궈 허 가오 린 뤄 정 량 쑹 셰 탕 한 펑 위 "
    "둥 샤오 청 차오 위안 덩 푸 선 쩡 뤼 쑤 루 진 추 양 첸 팡 톈 런 판 두 다이 샤 중 뎬 "
    "멍 친 쑹 야오 류 취 뉴 구 쿵 린"
)
# Syllables typical of Mandarin names written in Hangul (샤오밍, 웨이, 리화).
CN_GIVEN_SYL = _set(
    "샤 오 밍 웨 이 리 화 잉 징 칭 펑 룽 팡 쥔 훙 젠 린 쯔 쉐 옌 란 메 팅 둥 하 위 신 후 "
    "창 춘 샹 쥐 안 쉬 쑤 친 융 강 궈 량 핑 닝 빙 루 시 취 첸 지 자 전 중 즈 원 완 야 양 "
    "슈 훼 펀 톄 볜 쭝 쩌 셴 쉰 윈 레 페 구 쿤 진 톈 디 펀 쥔 무 나 메 쉐 샤 치 탄 펑"
)
# Syllables that mark a Hangul word as a Mandarin transliteration rather than Korean.
CN_MARKED_SYL = _set("샤 밍 웨 펑 룽 쥔 훙 젠 쯔 쉐 옌 팅 쥐 취 첸 쭝 쩌 셴 쉰 톄 볜 쿤 톈")

# Hanzi surnames (the common hundred, plus those of Korean-Chinese families).
CN_SURNAMES_ZH = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤朴全玄南千具申池车俞禹洪裴廉庞"
)

# Syllables found in Korean given names (both Koreas). Broad on purpose: the lexicon
# check, not this list, is what keeps common words out.
GIVEN_SYL = frozenset(
    "가각간갑강개건걸겸경계고곤골공관광교구국군권귀규균근금기길나낙난남내녀년노농늘니다단"
    "달담당대덕도돈동두득등라락란람랑래량려력련렬령례로록론뢰룡루류륙륜률륭르름릉리린림립"
    "마만말매맹면명모목몽무묵문미민바박반방배백범벽별병보복본봉부분불비빈빛사산삼상새색생서"
    "석선설섬섭성세소속손솔송수숙순술숭슬승시식신실심아악안애야약양억언엄업여역연열염엽영"
    "예오옥온올완왕요용우욱운울웅원월위유육윤율융은을음응의이익인일임입자작잠장재전절점정"
    "제조종좌주죽준중즙지직진질집찬창채천철청초촌총추축춘출충취치칠태택판팔패편평포표품풍"
    "필하학한할함항해행향허헌혁현혈협형혜호홍화확환활황회효후훈훤휘휴흠흥희힘"
)

# Hangul given names that are frequent, North and South (helps the romanised forms too).
GIVEN_NAMES = _set(
    "영희 철수 영호 명철 순희 옥순 금순 영옥 춘자 정숙 광철 성철 혁철 경호 정남 영남 은정 "
    "미영 혜영 순옥 명순 영애 영숙 영철 철민 성민 명호 광호 정호 영길 춘길 명길 광명 은희 "
    "순애 복순 말순 향란 설화 은심 금희 정희 명희 은주 지혜 은혜 하나 혜진 민준 서연 수진 "
    "정실 경식 만수 광수 성남 동철 순자 옥희 영순 춘화 현옥 미란 선희 경희 명숙 순녀 금옥 "
    "영실 은경 혜숙 정옥 광일 영일 성호 철호 용철 룡철 영수 은하 미화 춘옥 순실 옥실 명옥 "
    "경애 영란 련희 혜란 선화 향미 은향 설미 진주 수미 지영 지은 민지 유진 은비 예진 하은"
)

# Honorifics and titles written after a name ("영희 씨", "로명철 보위원").
TITLES_AFTER = _set(
    "씨 님 동무 동지 선생 선생님 여사 부장 소장 과장 반장 대장 보위원 지도원 안전원 "
    "보안원 계호원 담당 담당관 지배인 비서 위원장 사장 목사 교수 기자 대위 중위 소위 상위 "
    "대좌 중좌 소좌 상좌 상사 중사 하사"
)
# Kinship words that follow a name ("철수 삼촌", "영희 언니", "은혜 엄마").
KIN_AFTER = _set(
    "언니 오빠 누나 누님 형 형님 동생 삼촌 외삼촌 이모 고모 숙모 아저씨 아주머니 아줌마 "
    "할머니 할아버지 할매 아바이 오마니 엄마 아빠 어머니 아버지 남편 아내 부인 딸 아들 "
    "이모부 고모부 아재 아지미 색시 신랑"
)
# Relation words that come before a name ("동생 영희", "친구 강만수").
KIN_BEFORE = _set(
    "동생 남동생 여동생 언니 오빠 형 누나 딸 큰딸 작은딸 막내딸 막내 아들 큰아들 작은아들 "
    "막내아들 남편 아내 부인 엄마 어머니 아버지 아빠 친구 동무 동지 이모 고모 삼촌 외삼촌 "
    "조카 사촌 손녀 손자 며느리 사위 시어머니 시아버지 장모 장인 이웃 동창 애인 약혼자 "
    "모친 부친 형제 자매 처 남자친구 여자친구 손녀딸 올케 시누이 동서 큰아버지 작은아버지 "
    "큰어머니 작은어머니 보위원 안전원 보안원 지도원 소장 부장 과장 반장 목사 목사님 사모님 "
    "전도사 집사 장로 신부 수녀 담임 사장 브로커 선생님 조선족 한족 중국인 경찰 우리"
)
# Words that introduce a name outright ("이름은 하나예요", "제 이름은 김 정숙입니다").
NAME_INTRO = _set("이름은 이름이 이름을 성함은 성함이 본명은 본명이 가명은 가명이 명찰에")
# Nouns that, after "X라는", show that X named a person.
PERSON_NOUNS = _set(
    "사람 여자 남자 분 애 아이 친구 동무 이름 보위원 경찰 브로커 아저씨 아줌마 할머니 "
    "할아버지 여성 남성 청년 학생 언니 오빠 군인 간부 조선족 한족 아가씨 총각"
)
# Words meaning "my/our" before a kinship noun in a predicate ("은혜는 제 동생이에요").
POSSESSIVES = _set("제 저의 내 나의 우리 우리집 저희")

# Particles and copula endings that may follow a name in one word (영희는, 철수에게서).
PARTICLES = tuple(
    sorted(
        _set(
            "은 는 이 가 을 를 의 에 에게 한테 께 께서 서 도 만 와 과 랑 이랑 하고 이나 "
            "이며 이고 이다 이야 야 아 이여 여 라고 이라고 라는 이라는 란 이란 라면 "
            "이라면 로 으로 로서 부터 까지 처럼 보다 조차 마저 밖에 뿐 이든 요 이요 이에요 "
            "예요 였어요 이었어요 였다 이었다 였고 이었고 였는데 이었는데 인데 입니다 이었습니다 "
            "였습니다 이지 인지 네 이네 하고는 한테서 에게서 더러 이랑은 께는 "
            "였지 이었지 였던 이었던 이라 이래요 래요 이었 였 이에 이었나 였나 이었을 였을"
        ),
        key=len,
        reverse=True,
    )
)
# Nouns that are never personal names even when they look like one to the rules above.
NOT_NAMES = _set(
    "안전원 보위원 지도원 보안원 단속원 경비원 계호원 교화원 관리원 통역원 안내원 판매원 "
    "연구원 공작원 정보원 선전원 당원 간부 보위부 안전부 보위성 안전성 보위국 인민반 "
    "인민반장 집결소 교화소 관리소 구류장 단련대 변방대 공안 공안국 하나원 국정원 조선 "
    "조선족 한족 남한 북한 중국 한국 조선말 한국말 중국말 북송 탈북 탈북민 탈북자 "
    "강제송환 송환 조사 심문 예심 구류 로동 로동자 로동당 리유 리용 력사 량식 련합 "
    "로인 녀자 래일 례절 로력 리해 렬차 련락 로임 리발 료해 리론 로선 략도 로친 "
    "공일공 공일 일이 이삼 삼사 오육 육칠 칠팔 팔구 명함 성분 출신 성씨 이름 본명 가명 "
    "손전화 핸드폰 휴대폰 전화 번호 한국인 조선인 중국인 한인 남조선 북조선 민족 "
    "주민 동네 고향 지역 국경 강가 장마당 시장 이번 이제 한번 정말 진짜 조금 하나도 "
    "유엔 인권 정부 경찰 변방 국가 당국 검찰 재판 법원 군대 인민군 국경경비대 경비대 "
    "오늘 어제 내일 지금 나중 다음 처음 마지막 동안 이후 이전 사이 정도 때문"
)
# Public figures whose names are evidence, not identifiers of a witness.
PUBLIC_FIGURES = _set(
    "김일성 김정일 김정은 김정숙 김여정 김형직 김형권 김책 최룡해 김영남 장성택 리설주 "
    "시진핑 습근평 모택동 마오쩌둥 등소평 덩샤오핑 후진타오 문재인 윤석열 이명박 박근혜 "
    "노무현 김대중 이재명 김영삼 트럼프 푸틴 쑨원 손문 장제스 장개석 저우언라이 주은래"
)
PUBLIC_FIGURES_LATIN = frozenset(
    {
        "kimilsung", "kimjongil", "kimjongun", "kimjongsuk", "kimyojong", "kimchaek",
        "xijinping", "maozedong", "dengxiaoping", "moonjaein", "yoonsukyeol", "parkgeunhye",
        "leemyungbak", "choeryonghae", "jangsongthaek", "risolju", "kimyongnam",
    }
)
