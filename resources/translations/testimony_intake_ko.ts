<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
    <context>
        <name>AttachmentPanel</name>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>유형</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>크기</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>파일 추가…</translation>
        </message>
        <message>
            <source>Encrypt files into the store and attach them (you can also drop files here)</source>
            <translation>파일을 암호화해 저장소에 넣고 첨부합니다 (여기에 끌어다 놓아도 됩니다)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>열기</translation>
        </message>
        <message>
            <source>Show inside this application (Enter)</source>
            <translation>이 프로그램 안에서 보기 (Enter)</translation>
        </message>
        <message>
            <source>Copy SHA-256</source>
            <translation>SHA-256 복사</translation>
        </message>
        <message>
            <source>Copy the file's fingerprint (Ctrl+C)</source>
            <translation>파일의 지문 복사 (Ctrl+C)</translation>
        </message>
        <message>
            <source>{0:,} bytes</source>
            <translation>{0:,}바이트</translation>
        </message>
        <message>
            <source>Encrypt files into the store and attach them</source>
            <translation>파일을 암호화해 저장소에 넣고 첨부합니다</translation>
        </message>
        <message>
            <source>Attach files</source>
            <translation>파일 첨부</translation>
        </message>
        <message>
            <source>No attachments yet. Drop audio, photos or documents here to encrypt them into the store.</source>
            <translation>첨부파일이 아직 없습니다. 녹음, 사진, 문서를 여기에 끌어다 놓으면 암호화되어 저장소에 들어갑니다.</translation>
        </message>
        <message>
            <source>Drop files here to add them. Files open only inside this application.</source>
            <translation>여기에 파일을 끌어다 놓아 추가하세요. 파일은 이 프로그램 안에서만 열립니다.</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewer</name>
        <message>
            <source>Attachment</source>
            <translation>첨부파일</translation>
        </message>
        <message>
            <source>Attachment: {0}</source>
            <translation>첨부파일: {0}</translation>
        </message>
        <message>
            <source>The file's fingerprint; it matches the store's record of it</source>
            <translation>파일의 지문입니다. 저장소에 기록된 값과 일치합니다</translation>
        </message>
        <message>
            <source>This image cannot be decoded here.</source>
            <translation>이 이미지는 여기에서 열 수 없습니다.</translation>
        </message>
        <message>
            <source>This file cannot be previewed here. It stays encrypted in the store; it is included, unchanged, in exports that carry its testimony.</source>
            <translation>이 파일은 여기에서 미리 볼 수 없습니다. 저장소에 암호화된 채로 보관되며, 해당 증언을 내보낼 때 변경 없이 함께 포함됩니다.</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Play or pause (Space)</source>
            <translation>재생 또는 일시정지 (Space)</translation>
        </message>
        <message>
            <source>− 10 s</source>
            <translation>− 10초</translation>
        </message>
        <message>
            <source>+ 10 s</source>
            <translation>+ 10초</translation>
        </message>
        <message>
            <source>Position in the recording</source>
            <translation>녹음 내 위치</translation>
        </message>
        <message>
            <source>Space: play or pause · ← →: 10 seconds back or on</source>
            <translation>Space: 재생/일시정지 · ← →: 10초 뒤로/앞으로</translation>
        </message>
        <message>
            <source>Audio playback is not available on this computer (Qt Multimedia could not be loaded).</source>
            <translation>이 컴퓨터에서는 오디오를 재생할 수 없습니다 (Qt Multimedia를 불러오지 못했습니다).</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시정지</translation>
        </message>
        <message>
            <source>This recording cannot be played here. It is still stored, encrypted and unchanged.</source>
            <translation>이 녹음은 여기에서 재생할 수 없습니다. 녹음은 암호화된 채 변경 없이 보관되어 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>CreatePage</name>
        <message>
            <source>Creating the encrypted store</source>
            <translation>암호화 저장소 만드는 중</translation>
        </message>
        <message>
            <source>The key derivation is tuned to take about a second on this laptop, so that guessing passphrases is slow for anyone else. This takes a few seconds.</source>
            <translation>키 유도 과정은 이 노트북에서 약 1초가 걸리도록 조정됩니다. 다른 사람이 암호 문구를 추측하기 어렵게 하기 위해서입니다. 몇 초 정도 걸립니다.</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Select a testimony in the list to see it here.</source>
            <translation>목록에서 증언을 선택하면 여기에 표시됩니다.</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>편집</translation>
        </message>
        <message>
            <source>Edit this testimony (saves a new revision)</source>
            <translation>이 증언 편집 (새 버전으로 저장됩니다)</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>진술 내용</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>첨부파일</translation>
        </message>
        <message>
            <source>Revision {0} · id {1}</source>
            <translation>버전 {0} · ID {1}</translation>
        </message>
        <message>
            <source>⚠ CONSENT WITHDRAWN on {0}</source>
            <translation>⚠ {0}에 동의 철회됨</translation>
        </message>
        <message>
            <source>This testimony must not be exported, shared or published. The record is kept; recipients are told by a signed notice.</source>
            <translation>이 증언은 내보내거나 공유하거나 공개해서는 안 됩니다. 기록은 보존되며, 받은 기관에는 서명된 통지로 알립니다.</translation>
        </message>
        <message>
            <source>Consent: {0}</source>
            <translation>동의: {0}</translation>
        </message>
        <message>
            <source>No consent recorded</source>
            <translation>기록된 동의 없음</translation>
        </message>
        <message>
            <source>Nothing from this testimony may leave the store.</source>
            <translation>이 증언의 어떤 내용도 저장소 밖으로 내보낼 수 없습니다.</translation>
        </message>
        <message>
            <source>Note: {0}</source>
            <translation>메모: {0}</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>기록일</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>만료일</translation>
        </message>
        <message>
            <source>Identity to a court</source>
            <translation>법원에 신원 공개</translation>
        </message>
        <message>
            <source>May be contacted again</source>
            <translation>재연락 가능</translation>
        </message>
        <message>
            <source>Explained by</source>
            <translation>설명한 사람</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>동의서</translation>
        </message>
        <message>
            <source>Exports offer only the redacted level unless the interviewer overrides it (the override is audited).</source>
            <translation>면담자가 직접 변경하지 않는 한 내보내기는 비식별 처리 수준만 허용됩니다 (변경 사항은 감사 기록에 남습니다).</translation>
        </message>
        <message>
            <source>Nothing recorded.</source>
            <translation>기록된 내용이 없습니다.</translation>
        </message>
        <message>
            <source>Survivor</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>가명</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>성별</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>출생 연도</translation>
        </message>
        <message>
            <source>between {0}</source>
            <translation>{0} 사이</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>출신지</translation>
        </message>
        <message>
            <source>Prior statements</source>
            <translation>이전 진술</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>면담자</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>통역사</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>방식</translation>
        </message>
        <message>
            <source>Audio recorded</source>
            <translation>녹취 여부</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>면담 수준</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>제약 사항</translation>
        </message>
        <message>
            <source>Also present</source>
            <translation>동석자</translation>
        </message>
        <message>
            <source>Events ({0})</source>
            <translation>사건 ({0})</translation>
        </message>
        <message>
            <source>No events recorded.</source>
            <translation>기록된 사건이 없습니다.</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>시설</translation>
        </message>
        <message>
            <source>Run by</source>
            <translation>운영 기관</translation>
        </message>
        <message>
            <source>Perpetrator</source>
            <translation>가해자</translation>
        </message>
        <message>
            <source>Known by</source>
            <translation>인지 경위</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>근거 자료</translation>
        </message>
    </context>
    <context>
        <name>EditorFields</name>
        <message>
            <source>Today</source>
            <translation>오늘</translation>
        </message>
        <message>
            <source>Fill in today's date</source>
            <translation>오늘 날짜 넣기</translation>
        </message>
        <message>
            <source>Type 2019, 2019-03 or 2019-03-14</source>
            <translation>2019, 2019-03, 2019-03-14 형식으로 입력하세요</translation>
        </message>
        <message>
            <source>Type a time with its zone, e.g. 14:30+09:00 (or 14:30 KST)</source>
            <translation>시간대와 함께 시각을 입력하세요. 예: 14:30+09:00 (또는 14:30 KST)</translation>
        </message>
        <message>
            <source>14:30+09:00</source>
            <translation>14:30+09:00</translation>
        </message>
        <message>
            <source>Type a full date: YYYY-MM-DD, e.g. 2023-08-14</source>
            <translation>연-월-일 전체를 입력하세요. 예: 2023-08-14</translation>
        </message>
        <message>
            <source>This date does not exist (check the month and the day)</source>
            <translation>존재하지 않는 날짜입니다 (월과 일을 확인하세요)</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>기록 안 됨</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>No</source>
            <translation>아니요</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation>YYYY, YYYY-MM 또는 YYYY-MM-DD</translation>
        </message>
    </context>
    <context>
        <name>EditorSections</name>
        <message>
            <source>e.g. S-0142</source>
            <translation>예: S-0142</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>가명</translation>
        </message>
        <message>
            <source>Never a real name. Names to hide go in the redaction list.</source>
            <translation>실명은 절대 쓰지 마세요. 가려야 할 이름은 비식별 처리 목록에 넣으세요.</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>성별</translation>
        </message>
        <message>
            <source>e.g. 1985</source>
            <translation>예: 1985</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>출생 연도</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>출신지</translation>
        </message>
        <message>
            <source>Exports of an at-risk survivor offer only the redacted level.</source>
            <translation>위험에 처한 생존자의 증언은 비식별 처리 수준으로만 내보낼 수 있습니다.</translation>
        </message>
        <message>
            <source>Statements already given elsewhere: legal teams avoid interviewing again.</source>
            <translation>다른 곳에서 이미 한 진술: 법률팀은 같은 사람을 다시 면담하지 않으려 합니다.</translation>
        </message>
        <message>
            <source>Type the year in digits, e.g. 1985</source>
            <translation>연도를 숫자로 입력하세요. 예: 1985</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>시각</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>면담자</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>통역사</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>방식</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>기록일</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>면담 수준</translation>
        </message>
        <message>
            <source>Anything that limited the interview (time, place, people present, health)</source>
            <translation>면담을 제약한 사항 (시간, 장소, 동석자, 건강 상태)</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>제약 사항</translation>
        </message>
        <message>
            <source>Role and organisation only, never a name.</source>
            <translation>역할과 소속만 적고, 이름은 적지 마세요.</translation>
        </message>
        <message>
            <source>Legal: courts, prosecutors and accountability mechanisms</source>
            <translation>법적 용도: 법원, 검찰, 책임 규명 기구</translation>
        </message>
        <message>
            <source>Advocacy: reports and briefings</source>
            <translation>옹호 활동: 보고서와 브리핑</translation>
        </message>
        <message>
            <source>Publication: quoting or publishing the testimony</source>
            <translation>공개: 증언 인용 또는 출판</translation>
        </message>
        <message>
            <source>Consent given for</source>
            <translation>동의한 용도</translation>
        </message>
        <message>
            <source>Recorded on</source>
            <translation>동의 기록일</translation>
        </message>
        <message>
            <source>The first day the consent no longer holds; leave empty if it does not expire.</source>
            <translation>동의가 효력을 잃는 첫날입니다. 만료되지 않으면 비워 두세요.</translation>
        </message>
        <message>
            <source>May the survivor's identity be disclosed to a court under protective measures?</source>
            <translation>보호 조치 아래 생존자의 신원을 법원에 공개해도 됩니까?</translation>
        </message>
        <message>
            <source>May be contacted again</source>
            <translation>재연락 가능</translation>
        </message>
        <message>
            <source>Explained by</source>
            <translation>설명한 사람</translation>
        </message>
        <message>
            <source>Form version</source>
            <translation>동의서 버전</translation>
        </message>
        <message>
            <source>Form language</source>
            <translation>동의서 언어</translation>
        </message>
        <message>
            <source>Only if the survivor withdrew consent. A withdrawal ends every use.</source>
            <translation>생존자가 동의를 철회한 경우에만 입력하세요. 철회하면 모든 사용이 중단됩니다.</translation>
        </message>
        <message>
            <source>Withdrawal note</source>
            <translation>철회 메모</translation>
        </message>
        <message>
            <source>Add statement</source>
            <translation>진술 추가</translation>
        </message>
        <message>
            <source>to</source>
            <translation>~</translation>
        </message>
        <message>
            <source>Yes, audio recorded</source>
            <translation>예, 녹취함</translation>
        </message>
        <message>
            <source>No recording</source>
            <translation>녹취 안 함</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>사람 추가</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>추가</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>위험 요소</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>기관</translation>
        </message>
        <message>
            <source>Date (YYYY or YYYY-MM)</source>
            <translation>날짜 (YYYY 또는 YYYY-MM)</translation>
        </message>
        <message>
            <source>Prior statements</source>
            <translation>이전 진술</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>역할</translation>
        </message>
        <message>
            <source>Also present</source>
            <translation>동석자</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>만료일</translation>
        </message>
        <message>
            <source>Identity to a court</source>
            <translation>법원에 신원 공개</translation>
        </message>
        <message>
            <source>Role (e.g. interviewer, interpreter)</source>
            <translation>역할 (예: 면담자, 통역사)</translation>
        </message>
        <message>
            <source>Withdrawn on</source>
            <translation>철회일</translation>
        </message>
        <message>
            <source>No consent recorded yet: nothing may leave the store.</source>
            <translation>아직 기록된 동의가 없습니다: 어떤 내용도 저장소 밖으로 내보낼 수 없습니다.</translation>
        </message>
        <message>
            <source>⚠ CONSENT WITHDRAWN on {0}: this testimony must not be exported or shared.</source>
            <translation>⚠ {0}에 동의 철회됨: 이 증언은 내보내거나 공유할 수 없습니다.</translation>
        </message>
        <message>
            <source>Consent given for: {0}</source>
            <translation>동의한 용도: {0}</translation>
        </message>
        <message>
            <source>e.g. 1980-1984</source>
            <translation>예: 1980-1984</translation>
        </message>
        <message>
            <source>Instead of the year, when only a range is known (not both).</source>
            <translation>정확한 연도를 모르고 범위만 알 때 연도 대신 입력하세요 (둘 다 입력하지 마세요).</translation>
        </message>
        <message>
            <source>Born between</source>
            <translation>출생 연도 범위</translation>
        </message>
    </context>
    <context>
        <name>EventForm</name>
        <message>
            <source>Type</source>
            <translation>유형</translation>
        </message>
        <message>
            <source>end, if it lasted</source>
            <translation>종료 (기간이 있는 경우)</translation>
        </message>
        <message>
            <source>Approximate</source>
            <translation>추정</translation>
        </message>
        <message>
            <source>The survivor gave an estimate</source>
            <translation>생존자가 대략적으로 말한 날짜</translation>
        </message>
        <message>
            <source>When</source>
            <translation>시기</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Name of the facility, as the survivor called it</source>
            <translation>생존자가 부른 시설 이름</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>시설</translation>
        </message>
        <message>
            <source>Facility kind</source>
            <translation>시설 종류</translation>
        </message>
        <message>
            <source>Perpetrator</source>
            <translation>가해자</translation>
        </message>
        <message>
            <source>Rank, unit or alias, as the survivor gave them</source>
            <translation>생존자가 말한 계급, 소속, 별명</translation>
        </message>
        <message>
            <source>Described as</source>
            <translation>묘사</translation>
        </message>
        <message>
            <source>Only what the survivor or a document said; never inferred from the facility.</source>
            <translation>생존자나 문서가 밝힌 내용만 적으세요. 시설로부터 추정하지 마세요.</translation>
        </message>
        <message>
            <source>Known by</source>
            <translation>인지 경위</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>Supported by</source>
            <translation>근거 자료</translation>
        </message>
        <message>
            <source>Choose the type…</source>
            <translation>유형 선택…</translation>
        </message>
        <message>
            <source>Attachments added to the testimony can be marked as sources of an event.</source>
            <translation>증언에 첨부한 파일을 사건의 근거 자료로 표시할 수 있습니다.</translation>
        </message>
        <message>
            <source>Run by (agency)</source>
            <translation>운영 기관</translation>
        </message>
    </context>
    <context>
        <name>EventsSection</name>
        <message>
            <source>Events, in order</source>
            <translation>사건 (순서대로)</translation>
        </message>
        <message>
            <source>Add event</source>
            <translation>사건 추가</translation>
        </message>
        <message>
            <source>Add an event after the selected one (Insert)</source>
            <translation>선택한 사건 뒤에 사건 추가 (Insert)</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Remove the selected event (Delete)</source>
            <translation>선택한 사건 삭제 (Delete)</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>위로</translation>
        </message>
        <message>
            <source>Move earlier in the timeline (Alt+Up)</source>
            <translation>시간순으로 앞으로 이동 (Alt+Up)</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>아래로</translation>
        </message>
        <message>
            <source>Move later in the timeline (Alt+Down)</source>
            <translation>시간순으로 뒤로 이동 (Alt+Down)</translation>
        </message>
        <message>
            <source>Sort by date</source>
            <translation>날짜순 정렬</translation>
        </message>
        <message>
            <source>Restore removed</source>
            <translation>삭제한 사건 되살리기</translation>
        </message>
        <message>
            <source>No events yet. Press Add event (Insert) to record the first one: an arrest, a detention, a forced return…</source>
            <translation>아직 사건이 없습니다. ‘사건 추가’(Insert)를 눌러 첫 사건을 기록하세요: 체포, 구금, 강제 송환…</translation>
        </message>
        <message>
            <source>(no type)</source>
            <translation>(유형 없음)</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Create a store — Testimony Intake</source>
            <translation>저장소 만들기 — 증언 기록</translation>
        </message>
        <message>
            <source>Create the store</source>
            <translation>저장소 만들기</translation>
        </message>
        <message>
            <source>Open the store</source>
            <translation>저장소 열기</translation>
        </message>
        <message>
            <source>Measuring this laptop and creating the store…</source>
            <translation>이 노트북의 속도를 측정하고 저장소를 만드는 중…</translation>
        </message>
        <message>
            <source>The store is ready.</source>
            <translation>저장소가 준비되었습니다.</translation>
        </message>
        <message>
            <source>The store could not be created: {0}</source>
            <translation>저장소를 만들지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>The store has been created. If you close now, the recovery key will never be shown again. Close anyway?</source>
            <translation>저장소가 만들어졌습니다. 지금 닫으면 복구 키를 다시는 볼 수 없습니다. 그래도 닫으시겠습니까?</translation>
        </message>
    </context>
    <context>
        <name>IdentityPage</name>
        <message>
            <source>Welcome to Testimony Intake</source>
            <translation>증언 기록 프로그램에 오신 것을 환영합니다</translation>
        </message>
        <message>
            <source>Testimonies are kept in an encrypted store on this laptop. Nothing is readable without your passphrase, and nothing is sent anywhere.</source>
            <translation>증언은 이 노트북의 암호화된 저장소에 보관됩니다. 암호 문구 없이는 아무것도 읽을 수 없으며, 어디로도 전송되지 않습니다.</translation>
        </message>
        <message>
            <source>e.g. Field team A</source>
            <translation>예: 현장팀 A</translation>
        </message>
        <message>
            <source>The label names you as the interviewer: it is written into each testimony you record and shown to the legal teams that receive your exports. A team or role name is safer than your own name.</source>
            <translation>이 표시 이름은 면담자인 당신을 가리킵니다. 기록하는 모든 증언에 들어가며, 내보낸 자료를 받는 법률팀에게 표시됩니다. 본명보다는 팀 이름이나 역할 이름이 더 안전합니다.</translation>
        </message>
        <message>
            <source>Interviewer &amp;label:</source>
            <translation>면담자 표시 이름(&amp;L):</translation>
        </message>
        <message>
            <source>Store location:</source>
            <translation>저장소 위치:</translation>
        </message>
    </context>
    <context>
        <name>ImageRedactionDialog</name>
        <message>
            <source>Hide areas of an image: {0}</source>
            <translation>이미지 일부 가리기: {0}</translation>
        </message>
        <message>
            <source>Drag on the image to draw a box. Drag a box to move it and its corners to resize it; Delete removes it. Dashed boxes are suggestions: accept them to keep them.</source>
            <translation>이미지 위를 끌어서 상자를 그리세요. 상자를 끌면 옮겨지고 모서리를 끌면 크기가 바뀌며, Delete 키로 지울 수 있습니다. 점선 상자는 제안일 뿐이니 남기려면 수락하세요.</translation>
        </message>
        <message>
            <source>Exports fill every box solid black and keep no metadata. The stored photo is never changed.</source>
            <translation>내보낼 때 모든 상자는 검은색으로 완전히 칠해지고 메타데이터는 하나도 남지 않습니다. 저장된 원본 사진은 바뀌지 않습니다.</translation>
        </message>
        <message>
            <source>Suggest faces</source>
            <translation>얼굴 찾기</translation>
        </message>
        <message>
            <source>Accept suggestion</source>
            <translation>제안 수락</translation>
        </message>
        <message>
            <source>Accept all suggestions</source>
            <translation>제안 모두 수락</translation>
        </message>
        <message>
            <source>Delete box</source>
            <translation>상자 삭제</translation>
        </message>
        <message>
            <source>Save boxes</source>
            <translation>상자 저장</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Image (mark what to hide)</source>
            <translation>이미지 (가릴 부분을 표시하세요)</translation>
        </message>
        <message>
            <source>Preview of the exported image</source>
            <translation>내보낼 이미지 미리보기</translation>
        </message>
        <message>
            <source>Looking for faces…</source>
            <translation>얼굴을 찾는 중…</translation>
        </message>
        <message>
            <source>Faces could not be looked for in this image.</source>
            <translation>이 이미지에서는 얼굴을 찾을 수 없었습니다.</translation>
        </message>
        <message>
            <source>Suggested faces: {0}. Check the whole picture yourself: faces in profile or shadow are often missed.</source>
            <translation>제안된 얼굴: {0}개. 옆모습이나 그늘진 얼굴은 자주 놓치니 사진 전체를 직접 확인하세요.</translation>
        </message>
        <message>
            <source>No new face found. Check the whole picture yourself.</source>
            <translation>새로 찾은 얼굴이 없습니다. 사진 전체를 직접 확인하세요.</translation>
        </message>
        <message>
            <source>Saved as revision {0}.</source>
            <translation>버전 {0}(으)로 저장했습니다.</translation>
        </message>
        <message>
            <source>Unsaved boxes</source>
            <translation>저장하지 않은 상자</translation>
        </message>
        <message>
            <source>Save the boxes drawn on this image?</source>
            <translation>이 이미지에 그린 상자를 저장할까요?</translation>
        </message>
        <message>
            <source>Areas hidden: {0}</source>
            <translation>가린 영역: {0}개</translation>
        </message>
        <message>
            <source>suggestions to check: {0}</source>
            <translation>확인할 제안: {0}개</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Testimony Intake</source>
            <translation>증언 기록</translation>
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation>새 증언(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Revision &amp;history…</source>
            <translation>버전 기록(&amp;H)…</translation>
        </message>
        <message>
            <source>Review &amp;redactions…</source>
            <translation>비식별 처리 검토(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>잠금(&amp;L)</translation>
        </message>
        <message>
            <source>Lock and &amp;hide</source>
            <translation>잠그고 숨기기(&amp;H)</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>설정(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>종료(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>기본 도구 모음</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>잠금</translation>
        </message>
        <message>
            <source>Lock the store ({0})</source>
            <translation>저장소 잠금 ({0})</translation>
        </message>
        <message>
            <source>New testimony</source>
            <translation>새 증언</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>Review redactions</source>
            <translation>비식별 처리 검토</translation>
        </message>
        <message>
            <source>Decide what a redacted export hides (Ctrl+Shift+R)</source>
            <translation>비식별 내보내기에서 무엇을 가릴지 정합니다 (Ctrl+Shift+R)</translation>
        </message>
        <message>
            <source>{0} · fingerprint {1}</source>
            <translation>{0} · 지문 {1}</translation>
        </message>
    </context>
    <context>
        <name>NarrativePage</name>
        <message>
            <source>The survivor's account, in their own words (Korean or English)…</source>
            <translation>생존자 본인의 말로 된 진술 (한국어 또는 영어)…</translation>
        </message>
        <message>
            <source> · {0} redacted span(s) stay on their words as you edit</source>
            <translation> · 비식별 처리 구간 {0}곳은 편집해도 해당 단어를 따라갑니다</translation>
        </message>
        <message>
            <source>{0:,} characters</source>
            <translation>{0:,}자</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Cancelled.</source>
            <translation>취소되었습니다.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Something unexpected went wrong ({0}). Nothing was changed by the step that failed; if it happens again, restart the application.</source>
            <translation>예기치 않은 문제가 발생했습니다 ({0}). 실패한 작업으로 인해 바뀐 것은 없습니다. 다시 발생하면 프로그램을 다시 시작하세요.</translation>
        </message>
        <message>
            <source>Testimony Intake</source>
            <translation>증언 기록</translation>
        </message>
    </context>
    <context>
        <name>PassphraseField</name>
        <message>
            <source>Show the passphrase</source>
            <translation>암호 문구 보기</translation>
        </message>
        <message>
            <source>Hide the passphrase</source>
            <translation>암호 문구 숨기기</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <source>Choose a passphrase</source>
            <translation>암호 문구 정하기</translation>
        </message>
        <message>
            <source>The passphrase opens the store. Anyone who takes this laptop can try to guess it offline, so use several words nobody could link to you. It cannot be reset: only the recovery key on the next page can replace it.</source>
            <translation>암호 문구로 저장소를 엽니다. 이 노트북을 가져간 사람은 누구든 오프라인에서 암호 문구를 추측해 볼 수 있으니, 당신과 연결 지을 수 없는 여러 단어를 쓰세요. 암호 문구는 재설정할 수 없으며, 다음 페이지의 복구 키로만 바꿀 수 있습니다.</translation>
        </message>
        <message>
            <source>Generate a passphrase</source>
            <translation>암호 문구 생성</translation>
        </message>
        <message>
            <source>{0} random words: about {1} bits</source>
            <translation>무작위 단어 {0}개: 약 {1}비트</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>암호 문구(&amp;P):</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>다시 입력(&amp;R):</translation>
        </message>
        <message>
            <source>Strength:</source>
            <translation>강도:</translation>
        </message>
        <message>
            <source>Write these words down now, in this order, with the spaces. Keep the paper apart from the laptop (and from the recovery key).</source>
            <translation>지금 이 단어들을 순서대로, 띄어쓰기까지 그대로 적어 두세요. 적은 종이는 노트북과 (그리고 복구 키와도) 따로 보관하세요.</translation>
        </message>
        <message>
            <source>Use at least {0} characters; several words are best.</source>
            <translation>{0}자 이상 입력하세요. 여러 단어를 쓰는 것이 가장 좋습니다.</translation>
        </message>
        <message>
            <source>This passphrase could be guessed. Add words, or generate one.</source>
            <translation>추측될 수 있는 암호 문구입니다. 단어를 더하거나 생성 기능을 쓰세요.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>두 암호 문구가 서로 다릅니다.</translation>
        </message>
    </context>
    <context>
        <name>PlaceEdit</name>
        <message>
            <source>City or province, in any spelling (단둥, Dandong…)</source>
            <translation>시 또는 도, 표기는 자유 (단둥, Dandong…)</translation>
        </message>
        <message>
            <source>Not in the gazetteer (kept as typed)</source>
            <translation>지명 사전에 없음 (입력한 대로 보관)</translation>
        </message>
    </context>
    <context>
        <name>RecordLabels</name>
        <message>
            <source>WITHDRAWN</source>
            <translation>철회됨</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>No</source>
            <translation>아니요</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>한국어</translation>
        </message>
        <message>
            <source>English</source>
            <translation>영어</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>중국어</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>일본어</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>러시아어</translation>
        </message>
        <message>
            <source>1 byte</source>
            <translation>1바이트</translation>
        </message>
        <message>
            <source>Legal</source>
            <translation>법적 용도</translation>
        </message>
        <message>
            <source>Advocacy</source>
            <translation>옹호 활동</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>공개</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>여성</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>남성</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>알 수 없음</translation>
        </message>
        <message>
            <source>Family in North Korea</source>
            <translation>북한에 가족 있음</translation>
        </message>
        <message>
            <source>Still in China</source>
            <translation>아직 중국에 있음</translation>
        </message>
        <message>
            <source>Experienced it</source>
            <translation>직접 겪음</translation>
        </message>
        <message>
            <source>Witnessed it</source>
            <translation>목격함</translation>
        </message>
        <message>
            <source>Heard about it</source>
            <translation>전해 들음</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>대면</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>원격</translation>
        </message>
        <message>
            <source>Screening</source>
            <translation>예비 면담</translation>
        </message>
        <message>
            <source>Full statement</source>
            <translation>정식 진술</translation>
        </message>
        <message>
            <source>date unknown</source>
            <translation>날짜 미상</translation>
        </message>
        <message>
            <source>(approx.)</source>
            <translation>(추정)</translation>
        </message>
        <message>
            <source>{0} bytes</source>
            <translation>{0}바이트</translation>
        </message>
        <message>
            <source>until {0}</source>
            <translation>{0}까지</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>Write down the recovery key</source>
            <translation>복구 키 적어 두기</translation>
        </message>
        <message>
            <source>If the passphrase is forgotten, this key is the only way back into the store. It is shown this once. Write it on paper and keep it somewhere safe, away from this laptop.</source>
            <translation>암호 문구를 잊어버리면 이 키가 저장소를 여는 유일한 방법입니다. 지금 한 번만 표시됩니다. 종이에 적어 이 노트북과 떨어진 안전한 곳에 보관하세요.</translation>
        </message>
        <message>
            <source>I have written the recovery key down</source>
            <translation>복구 키를 종이에 적었습니다</translation>
        </message>
        <message>
            <source>To check your copy, type group {0} of {1} from your paper:</source>
            <translation>제대로 적었는지 확인하기 위해, 종이에 적은 {1}개 묶음 중 {0}번째 묶음을 입력하세요:</translation>
        </message>
    </context>
    <context>
        <name>RedactionFields</name>
        <message>
            <source>Narrative</source>
            <translation>진술 내용</translation>
        </message>
        <message>
            <source>Survivor</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>출신지</translation>
        </message>
        <message>
            <source>Prior statement</source>
            <translation>이전 진술</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>기관</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>면담자</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>통역사</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>제약 사항</translation>
        </message>
        <message>
            <source>Person present</source>
            <translation>동석자</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>역할</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>Explained by</source>
            <translation>설명한 사람</translation>
        </message>
        <message>
            <source>Withdrawal note</source>
            <translation>철회 메모</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>사건</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>시설</translation>
        </message>
        <message>
            <source>Perpetrator description</source>
            <translation>가해자 묘사</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>첨부파일</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>파일 이름</translation>
        </message>
    </context>
    <context>
        <name>RedactionKinds</name>
        <message>
            <source>undecided</source>
            <translation>미결정</translation>
        </message>
        <message>
            <source>redacted</source>
            <translation>가림</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>남김</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>인명</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>전화번호</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>신분증 번호</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>이메일</translation>
        </message>
        <message>
            <source>Messenger account</source>
            <translation>메신저 계정</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>생년월일</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>주소</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
    </context>
    <context>
        <name>RedactionReviewDialog</name>
        <message>
            <source>Review redactions: {0}</source>
            <translation>비식별 처리 검토: {0}</translation>
        </message>
        <message>
            <source>Redactions for {0}</source>
            <translation>{0} 증언의 비식별 처리</translation>
        </message>
        <message>
            <source>A redacted export is refused while any finding is undecided. Undecided findings are shown redacted in the preview.</source>
            <translation>결정하지 않은 항목이 하나라도 남아 있으면 비식별 내보내기가 거부됩니다. 미리보기에서는 결정하지 않은 항목도 가린 상태로 보여 줍니다.</translation>
        </message>
        <message>
            <source>Testimony (the stored text is never changed)</source>
            <translation>증언 (저장된 원문은 바뀌지 않습니다)</translation>
        </message>
        <message>
            <source>Preview of a redacted export</source>
            <translation>비식별 내보내기 미리보기</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>실행 취소</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>다시 실행</translation>
        </message>
        <message>
            <source>Save decisions</source>
            <translation>결정 저장</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Loading the Korean dictionary…</source>
            <translation>한국어 사전을 불러오는 중…</translation>
        </message>
        <message>
            <source>Finding identifiers…</source>
            <translation>식별 정보를 찾는 중…</translation>
        </message>
        <message>
            <source>That name is already on the list.</source>
            <translation>이미 목록에 있는 이름입니다.</translation>
        </message>
        <message>
            <source>Nothing to save: no decision changed.</source>
            <translation>바뀐 결정이 없어 저장할 것이 없습니다.</translation>
        </message>
        <message>
            <source>Saved as revision {0}.</source>
            <translation>버전 {0}(으)로 저장했습니다.</translation>
        </message>
        <message>
            <source>{0} undecided: a redacted export is refused until they are decided.</source>
            <translation>미결정 {0}개: 모두 결정하기 전에는 비식별 내보내기가 거부됩니다.</translation>
        </message>
        <message>
            <source>Unsaved decisions</source>
            <translation>저장하지 않은 결정</translation>
        </message>
        <message>
            <source>Save the redaction decisions?</source>
            <translation>비식별 처리 결정을 저장할까요?</translation>
        </message>
        <message>
            <source>No finding undecided</source>
            <translation>미결정 항목 없음</translation>
        </message>
        <message>
            <source>1 finding undecided</source>
            <translation>미결정 항목 1개</translation>
        </message>
        <message>
            <source>{0} findings undecided</source>
            <translation>미결정 항목 {0}개</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Finding</source>
            <translation>찾은 항목</translation>
        </message>
        <message>
            <source>Click a highlighted finding, or press N.</source>
            <translation>강조 표시된 항목을 클릭하거나 N을 누르세요.</translation>
        </message>
        <message>
            <source>Accept (A)</source>
            <translation>수락(A)</translation>
        </message>
        <message>
            <source>Redact it: a redacted export replaces it</source>
            <translation>가립니다: 비식별 내보내기에서 다른 표시로 바뀝니다</translation>
        </message>
        <message>
            <source>Reject (R)</source>
            <translation>거부(R)</translation>
        </message>
        <message>
            <source>Keep it: a redacted export leaves it as it is</source>
            <translation>남깁니다: 비식별 내보내기에서도 그대로 둡니다</translation>
        </message>
        <message>
            <source>Accept every undecided finding of this kind (Shift+A)</source>
            <translation>이 종류의 미결정 항목을 모두 수락합니다 (Shift+A)</translation>
        </message>
        <message>
            <source>◀ Previous (P)</source>
            <translation>◀ 이전(P)</translation>
        </message>
        <message>
            <source>Next (N) ▶</source>
            <translation>다음(N) ▶</translation>
        </message>
        <message>
            <source>The survivor's own name</source>
            <translation>생존자 본인의 이름</translation>
        </message>
        <message>
            <source>Replace this name, wherever it appears, by the survivor's pseudonym</source>
            <translation>이 이름이 나오는 모든 곳을 생존자의 가명으로 바꿉니다</translation>
        </message>
        <message>
            <source>Selected text</source>
            <translation>선택한 텍스트</translation>
        </message>
        <message>
            <source>Select words in the text to redact them by hand.</source>
            <translation>직접 가릴 단어를 본문에서 선택하세요.</translation>
        </message>
        <message>
            <source>Redact selection (X)</source>
            <translation>선택 부분 가리기(X)</translation>
        </message>
        <message>
            <source>Add to the names list</source>
            <translation>가릴 이름 목록에 추가</translation>
        </message>
        <message>
            <source>Find and redact every mention of this name in the testimony</source>
            <translation>증언 전체에서 이 이름이 나오는 곳을 모두 찾아 가립니다</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>종류:</translation>
        </message>
        <message>
            <source>Names to redact everywhere</source>
            <translation>모든 곳에서 가릴 이름</translation>
        </message>
        <message>
            <source>A name, as it is written</source>
            <translation>적힌 그대로의 이름</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>추가</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>빼기</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>이미지</translation>
        </message>
        <message>
            <source>Mark areas to hide…</source>
            <translation>가릴 영역 표시…</translation>
        </message>
        <message>
            <source>In the export: {0}</source>
            <translation>내보내기에서: {0}</translation>
        </message>
        <message>
            <source>In the export: left as it is</source>
            <translation>내보내기에서: 그대로 둠</translation>
        </message>
        <message>
            <source>marked by hand</source>
            <translation>직접 표시함</translation>
        </message>
        <message>
            <source>Accept all of this kind: {0}</source>
            <translation>이 종류 모두 수락: {0}</translation>
        </message>
        <message>
            <source>Accept all of this kind</source>
            <translation>이 종류 모두 수락</translation>
        </message>
        <message>
            <source>{0} · areas hidden: {1}</source>
            <translation>{0} · 가린 영역: {1}개</translation>
        </message>
    </context>
    <context>
        <name>RevisionDialog</name>
        <message>
            <source>Revisions</source>
            <translation>버전 기록</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>항목</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>변경 전</translation>
        </message>
        <message>
            <source>After</source>
            <translation>변경 후</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>진술 내용</translation>
        </message>
        <message>
            <source>Revision {0}
{1} · {2}…</source>
            <translation>버전 {0}
{1} · {2}…</translation>
        </message>
        <message>
            <source>Revision {0}: first saved</source>
            <translation>버전 {0}: 처음 저장됨</translation>
        </message>
        <message>
            <source>Changes from revision {0} to revision {1}</source>
            <translation>버전 {0}에서 버전 {1}로 바뀐 내용</translation>
        </message>
        <message>
            <source>No field changed</source>
            <translation>바뀐 항목 없음</translation>
        </message>
        <message>
            <source>The narrative did not change.</source>
            <translation>진술 내용은 바뀌지 않았습니다.</translation>
        </message>
        <message>
            <source>Survivor</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>첨부파일</translation>
        </message>
        <message>
            <source>Redactions</source>
            <translation>비식별 처리</translation>
        </message>
        <message>
            <source>Names to redact</source>
            <translation>가릴 이름</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>사건</translation>
        </message>
    </context>
    <context>
        <name>RowsEditor</name>
        <message>
            <source>Remove</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>추가</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>Setting the new passphrase…</source>
            <translation>새 암호 문구를 설정하는 중…</translation>
        </message>
        <message>
            <source>The store is locked.</source>
            <translation>저장소가 잠겨 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>설정</translation>
        </message>
        <message>
            <source>As the system (currently {0})</source>
            <translation>시스템 설정 따르기 (현재 {0})</translation>
        </message>
        <message>
            <source> min</source>
            <translation>분</translation>
        </message>
        <message>
            <source> s</source>
            <translation>초</translation>
        </message>
        <message>
            <source>the default location</source>
            <translation>기본 위치</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>언어(&amp;L):</translation>
        </message>
        <message>
            <source>Lock after &amp;idle for:</source>
            <translation>자동 잠금 시간(&amp;I):</translation>
        </message>
        <message>
            <source>Clear copied text &amp;after:</source>
            <translation>복사한 텍스트 자동 삭제(&amp;A):</translation>
        </message>
        <message>
            <source>Store:</source>
            <translation>저장소:</translation>
        </message>
        <message>
            <source>The settings file keeps only these values and the store's location: never testimony, names, labels or passphrases.</source>
            <translation>설정 파일에는 이 값들과 저장소 위치만 저장됩니다. 증언, 이름, 표시 이름, 암호 문구는 절대 저장되지 않습니다.</translation>
        </message>
        <message>
            <source>The new language applies the next time the application starts.</source>
            <translation>새 언어는 프로그램을 다음에 시작할 때 적용됩니다.</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <source>Very weak</source>
            <translation>매우 약함</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>약함</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>보통</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>강함</translation>
        </message>
        <message>
            <source>Very strong</source>
            <translation>매우 강함</translation>
        </message>
    </context>
    <context>
        <name>TestimonyEditor</name>
        <message>
            <source>Survivor</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>사건</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>진술 내용</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>New testimony</source>
            <translation>새 증언</translation>
        </message>
        <message>
            <source>(no pseudonym)</source>
            <translation>(가명 없음)</translation>
        </message>
        <message>
            <source>Save a new revision (Ctrl+S)</source>
            <translation>새 버전으로 저장 (Ctrl+S)</translation>
        </message>
        <message>
            <source>Cannot save yet: {0}</source>
            <translation>아직 저장할 수 없습니다: {0}</translation>
        </message>
        <message>
            <source>Event {0} › {1}</source>
            <translation>사건 {0} › {1}</translation>
        </message>
        <message>
            <source> (and {0} more)</source>
            <translation> (외 {0}건)</translation>
        </message>
        <message>
            <source>New, not saved yet</source>
            <translation>새 증언, 아직 저장 안 됨</translation>
        </message>
        <message>
            <source>Revision {0}</source>
            <translation>버전 {0}</translation>
        </message>
        <message>
            <source> · unsaved changes (kept as a draft)</source>
            <translation> · 저장하지 않은 변경 사항 (임시 저장됨)</translation>
        </message>
    </context>
    <context>
        <name>TestimonyListView</name>
        <message>
            <source>Filter by pseudonym, place, event or consent…</source>
            <translation>가명, 장소, 사건, 동의로 걸러 보기…</translation>
        </message>
        <message>
            <source>Filter testimonies</source>
            <translation>증언 걸러 보기</translation>
        </message>
        <message>
            <source>No testimonies</source>
            <translation>증언 없음</translation>
        </message>
        <message>
            <source>{0:,} of {1:,}</source>
            <translation>{1:,}건 중 {0:,}건</translation>
        </message>
        <message>
            <source>{0:,} testimonies</source>
            <translation>증언 {0:,}건</translation>
        </message>
    </context>
    <context>
        <name>TestimonyTableModel</name>
        <message>
            <source>Pseudonym</source>
            <translation>가명</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>사건</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>최종 수정</translation>
        </message>
        <message>
            <source>The survivor's pseudonym (never a real name)</source>
            <translation>생존자의 가명 (실명은 절대 쓰지 않음)</translation>
        </message>
        <message>
            <source>Date of the interview</source>
            <translation>면담 날짜</translation>
        </message>
        <message>
            <source>Where the interview took place</source>
            <translation>면담 장소</translation>
        </message>
        <message>
            <source>Types of event in the testimony</source>
            <translation>증언에 나오는 사건 유형</translation>
        </message>
        <message>
            <source>Uses the survivor consented to</source>
            <translation>생존자가 동의한 용도</translation>
        </message>
        <message>
            <source>When the latest revision was saved</source>
            <translation>최신 버전을 저장한 때</translation>
        </message>
        <message>
            <source>Consent was withdrawn: this testimony must not be exported.</source>
            <translation>동의가 철회되었습니다: 이 증언은 내보낼 수 없습니다.</translation>
        </message>
        <message>
            <source>No consent recorded: nothing may leave the store.</source>
            <translation>기록된 동의가 없습니다: 어떤 내용도 저장소 밖으로 내보낼 수 없습니다.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>없음</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>The store is locked</source>
            <translation>저장소가 잠겨 있습니다</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>암호 문구</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>잠금 해제(&amp;U)</translation>
        </message>
        <message>
            <source>Forgot the passphrase? Use the recovery key</source>
            <translation>암호 문구를 잊으셨나요? 복구 키를 쓰세요</translation>
        </message>
        <message>
            <source>&amp;Recover and set the new passphrase</source>
            <translation>복구하고 새 암호 문구 설정(&amp;R)</translation>
        </message>
        <message>
            <source>Back to the passphrase</source>
            <translation>암호 문구 입력으로 돌아가기</translation>
        </message>
        <message>
            <source>Type the recovery key from your paper, then choose a new passphrase. The recovery key keeps working afterwards.</source>
            <translation>종이에 적어 둔 복구 키를 입력한 다음 새 암호 문구를 정하세요. 복구 키는 그 뒤에도 계속 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>Recovery key:</source>
            <translation>복구 키:</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>새 암호 문구:</translation>
        </message>
        <message>
            <source>Repeat it:</source>
            <translation>다시 입력:</translation>
        </message>
        <message>
            <source>Strength:</source>
            <translation>강도:</translation>
        </message>
        <message>
            <source>Use at least {0} characters; several words are best.</source>
            <translation>{0}자 이상 입력하세요. 여러 단어를 쓰는 것이 가장 좋습니다.</translation>
        </message>
        <message>
            <source>This passphrase could be guessed. Add words.</source>
            <translation>추측될 수 있는 암호 문구입니다. 단어를 더하세요.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>두 암호 문구가 서로 다릅니다.</translation>
        </message>
        <message>
            <source>The recovery key has a typo: check each group against your paper.</source>
            <translation>복구 키에 오타가 있습니다. 종이에 적은 것과 묶음별로 비교해 보세요.</translation>
        </message>
        <message>
            <source>Wrong passphrase.</source>
            <translation>암호 문구가 틀렸습니다.</translation>
        </message>
        <message>
            <source>This recovery key does not open this store.</source>
            <translation>이 복구 키로는 이 저장소를 열 수 없습니다.</translation>
        </message>
        <message>
            <source>Try again in {0} s.</source>
            <translation>{0}초 후에 다시 시도하세요.</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>Save the changes to this testimony?</source>
            <translation>이 증언의 변경 사항을 저장하시겠습니까?</translation>
        </message>
        <message>
            <source>Attachment added.</source>
            <translation>첨부파일을 추가했습니다.</translation>
        </message>
        <message>
            <source>(no pseudonym)</source>
            <translation>(가명 없음)</translation>
        </message>
        <message>
            <source>Unsaved work</source>
            <translation>저장하지 않은 작업</translation>
        </message>
        <message>
            <source>Decrypting the attachment…</source>
            <translation>첨부파일 복호화 중…</translation>
        </message>
        <message>
            <source>Testimonies: {0}</source>
            <translation>증언: {0}건</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>저장되지 않음</translation>
        </message>
        <message>
            <source>Saved revision {0}.</source>
            <translation>버전 {0}을(를) 저장했습니다.</translation>
        </message>
        <message>
            <source>Restore unsaved work from {0}?

Testimony: {1}

No discards it; Cancel keeps it for later.</source>
            <translation>{0}에 임시 저장된 작업을 복원하시겠습니까?

증언: {1}

‘아니요’를 누르면 삭제되고, ‘취소’를 누르면 나중을 위해 남겨 둡니다.</translation>
        </message>
        <message>
            <source>Encrypting {0} into the store…</source>
            <translation>{0}을(를) 암호화해 저장소에 넣는 중…</translation>
        </message>
        <message>
            <source>Not saved: {0}</source>
            <translation>저장되지 않음: {0}</translation>
        </message>
    </context>
</TS>