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
        <name>BackupDialog</name>
        <message>
            <source>Back up the store</source>
            <translation>저장소 백업</translation>
        </message>
        <message>
            <source>A backup is one encrypted file holding the whole store: testimonies, revisions, attachments and the audit log. It opens with the passphrase the store has now, or with the recovery key. Write it to a separate drive and keep it away from this laptop.</source>
            <translation>백업은 저장소 전체(증언, 수정 이력, 첨부 파일, 감사 기록)를 담은 암호화된 파일 하나입니다. 저장소의 현재 암호 문구나 복구 키로 열립니다. 별도의 드라이브에 저장하고 이 노트북과 떨어진 곳에 보관하세요.</translation>
        </message>
        <message>
            <source>Backup &amp;file:</source>
            <translation>백업 파일(&amp;F):</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Back up</source>
            <translation>백업(&amp;B)</translation>
        </message>
        <message>
            <source>{0} exists. Replace it with a new backup?</source>
            <translation>{0} 파일이 이미 있습니다. 새 백업으로 바꿀까요?</translation>
        </message>
        <message>
            <source>Backing up the store…</source>
            <translation>저장소를 백업하는 중…</translation>
        </message>
        <message>
            <source>Backup written and verified: {0} ({1}, {2} files). Every file in it was read back and matches.</source>
            <translation>백업을 쓰고 확인했습니다: {0} ({1}, 파일 {2}개). 안의 모든 파일을 다시 읽었고 일치합니다.</translation>
        </message>
        <message>
            <source>Backup written: {0} ({1}). Its check was cancelled, so it is not verified yet: use Verify a backup before relying on it.</source>
            <translation>백업을 썼습니다: {0} ({1}). 확인이 취소되어 아직 검증되지 않았습니다. 믿고 쓰기 전에 '백업 확인'을 실행하세요.</translation>
        </message>
        <message>
            <source>The backup was written but did not verify ({0}), so it was removed. Try another drive.</source>
            <translation>백업을 썼지만 확인에 실패하여({0}) 삭제했습니다. 다른 드라이브를 사용해 보세요.</translation>
        </message>
        <message>
            <source>Cancelled. No backup was written.</source>
            <translation>취소했습니다. 백업은 쓰이지 않았습니다.</translation>
        </message>
        <message>
            <source>No backup was written: {0}</source>
            <translation>백업을 쓰지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>Writing the backup…</source>
            <translation>백업을 쓰는 중…</translation>
        </message>
        <message>
            <source>Reading the backup back to verify it…</source>
            <translation>확인을 위해 백업을 다시 읽는 중…</translation>
        </message>
    </context>
    <context>
        <name>BackupFiles</name>
        <message>
            <source>Write the backup to</source>
            <translation>백업을 쓸 위치</translation>
        </message>
        <message>
            <source>Testimony Intake backups (*.tibak);;All files (*)</source>
            <translation>Testimony Intake 백업 (*.tibak);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>백업 선택</translation>
        </message>
    </context>
    <context>
        <name>BundleWords</name>
        <message>
            <source>legal proceedings</source>
            <translation>법적 절차</translation>
        </message>
        <message>
            <source>advocacy</source>
            <translation>옹호 활동</translation>
        </message>
        <message>
            <source>publication</source>
            <translation>공개 출판</translation>
        </message>
        <message>
            <source>full</source>
            <translation>전체</translation>
        </message>
        <message>
            <source>redacted</source>
            <translation>비식별</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>철회됨</translation>
        </message>
        <message>
            <source>none recorded</source>
            <translation>기록 없음</translation>
        </message>
        <message>
            <source>family in North Korea</source>
            <translation>북한에 가족이 있음</translation>
        </message>
        <message>
            <source>in China</source>
            <translation>중국에 있음</translation>
        </message>
        <message>
            <source>birth year</source>
            <translation>출생 연도</translation>
        </message>
        <message>
            <source>sex</source>
            <translation>성별</translation>
        </message>
        <message>
            <source>origin</source>
            <translation>출신지</translation>
        </message>
        <message>
            <source>detentions (place and date)</source>
            <translation>구금 (장소와 날짜)</translation>
        </message>
        <message>
            <source>nothing stated</source>
            <translation>기재된 항목 없음</translation>
        </message>
        <message>
            <source>birth year to a 5-year band</source>
            <translation>출생 연도를 5년 단위로</translation>
        </message>
        <message>
            <source>origin to its province</source>
            <translation>출신지를 도 단위로</translation>
        </message>
        <message>
            <source>day dates to their month</source>
            <translation>날짜를 월 단위로</translation>
        </message>
        <message>
            <source>dates to their year</source>
            <translation>날짜를 연 단위로</translation>
        </message>
        <message>
            <source>birth year left out</source>
            <translation>출생 연도 제외</translation>
        </message>
        <message>
            <source>origin left out</source>
            <translation>출신지 제외</translation>
        </message>
        <message>
            <source>none</source>
            <translation>없음</translation>
        </message>
    </context>
    <context>
        <name>CompareFingerprintDialog</name>
        <message>
            <source>Add a contact</source>
            <translation>연락처 추가</translation>
        </message>
        <message>
            <source>Verify a contact</source>
            <translation>연락처 확인</translation>
        </message>
        <message>
            <source>Name on the card:</source>
            <translation>카드에 적힌 이름:</translation>
        </message>
        <message>
            <source>Call {0} (on a number you already know, not one from the same message as the card) and read these six groups to each other. Only if every digit matches is the card really theirs.</source>
            <translation>{0}에게 전화하여 (카드와 같은 메시지에 적힌 번호가 아니라 이미 알고 있는 번호로) 이 여섯 묶음의 숫자를 서로 읽어 주세요. 모든 숫자가 일치할 때에만 이 카드가 정말 그 사람의 것입니다.</translation>
        </message>
        <message>
            <source>&amp;Save as:</source>
            <translation>저장할 이름(&amp;S):</translation>
        </message>
        <message>
            <source>Every digit matches: add as &amp;verified</source>
            <translation>모든 숫자가 일치함: 확인된 연락처로 추가(&amp;V)</translation>
        </message>
        <message>
            <source>Every digit matches: mark &amp;verified</source>
            <translation>모든 숫자가 일치함: 확인됨으로 표시(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Add, verify later</source>
            <translation>추가하고 나중에 확인(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>ConsentReceipt</name>
        <message>
            <source>Consent receipt</source>
            <translation>동의 확인서</translation>
        </message>
        <message>
            <source>Show this to the survivor. It names nobody: only the receipt code links it to the testimony. Nothing is written to disk unless you choose Save as PDF.</source>
            <translation>생존자에게 이 화면을 보여 주세요. 이름은 어디에도 없고, 확인 번호만 증언과 연결됩니다. PDF로 저장을 누르지 않으면 디스크에 아무것도 기록되지 않습니다.</translation>
        </message>
        <message>
            <source>Receipt code</source>
            <translation>확인 번호</translation>
        </message>
        <message>
            <source>Preparing the receipt…</source>
            <translation>확인서를 준비하는 중…</translation>
        </message>
        <message>
            <source>Write the one-page receipt as a PDF file, to print it for the survivor</source>
            <translation>생존자에게 인쇄해 줄 수 있도록 한 쪽짜리 확인서를 PDF 파일로 저장합니다</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Save the consent receipt</source>
            <translation>동의 확인서 저장</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 파일 (*.pdf)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>저장하는 중…</translation>
        </message>
        <message>
            <source>Not saved.</source>
            <translation>저장되지 않았습니다.</translation>
        </message>
        <message>
            <source>Saving the consent receipt</source>
            <translation>동의 확인서를 저장하는 중</translation>
        </message>
        <message>
            <source>The receipt could not be made: {0}</source>
            <translation>확인서를 만들 수 없습니다: {0}</translation>
        </message>
        <message>
            <source>Saved to {0}. Print it, then delete the file if the survivor takes the paper.</source>
            <translation>{0}에 저장했습니다. 인쇄한 뒤, 생존자가 종이를 가져가면 파일을 지우세요.</translation>
        </message>
        <message>
            <source>The receipt was not saved: {0}</source>
            <translation>확인서를 저장하지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>PDF로 저장(&amp;S)…</translation>
        </message>
    </context>
    <context>
        <name>ContactsDialog</name>
        <message>
            <source>Contacts and identity</source>
            <translation>연락처와 신원</translation>
        </message>
        <message>
            <source>This store's identity</source>
            <translation>이 저장소의 신원</translation>
        </message>
        <message>
            <source>Give your identity card to the legal teams you work with. When they call to check it, read them this fingerprint.</source>
            <translation>함께 일하는 법률팀에 신원 카드를 전달하세요. 확인 전화가 오면 이 지문을 읽어 주세요.</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>연락처</translation>
        </message>
        <message>
            <source>No contacts yet. Add the identity card of each legal team you send to, and of each interviewer whose bundles you import.</source>
            <translation>아직 연락처가 없습니다. 번들을 보낼 법률팀과 번들을 가져올 면담자의 신원 카드를 각각 추가하세요.</translation>
        </message>
        <message>
            <source>Save my identity card</source>
            <translation>내 신원 카드 저장</translation>
        </message>
        <message>
            <source>Identity cards (*.json)</source>
            <translation>신원 카드 (*.json)</translation>
        </message>
        <message>
            <source>Choose an identity card</source>
            <translation>신원 카드 선택</translation>
        </message>
        <message>
            <source>Identity cards (*.json);;All files (*)</source>
            <translation>신원 카드 (*.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Label: {0}</source>
            <translation>이름: {0}</translation>
        </message>
        <message>
            <source>{0} is now verified.</source>
            <translation>{0}: 이제 확인되었습니다.</translation>
        </message>
        <message>
            <source>Added {0}, verified.</source>
            <translation>{0}을(를) 확인된 연락처로 추가했습니다.</translation>
        </message>
        <message>
            <source>Added {0}, not verified yet: compare the fingerprint by phone, then mark it verified.</source>
            <translation>{0}을(를) 추가했지만 아직 확인되지 않았습니다. 전화로 지문을 비교한 뒤 확인됨으로 표시하세요.</translation>
        </message>
        <message>
            <source>Saved your identity card as {0}. It holds public keys only.</source>
            <translation>신원 카드를 {0}(으)로 저장했습니다. 공개 키만 들어 있습니다.</translation>
        </message>
        <message>
            <source>&amp;Save my identity card…</source>
            <translation>내 신원 카드 저장(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Add from card…</source>
            <translation>카드에서 추가(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Mark verified…</source>
            <translation>확인됨으로 표시(&amp;M)…</translation>
        </message>
    </context>
    <context>
        <name>ContactsModel</name>
        <message>
            <source>✔ verified</source>
            <translation>✔ 확인됨</translation>
        </message>
        <message>
            <source>⚠ not verified</source>
            <translation>⚠ 확인 안 됨</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>지문</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>확인</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>추가한 날</translation>
        </message>
        <message>
            <source>Read the fingerprint aloud with this contact over the phone, then mark it verified.</source>
            <translation>이 연락처와 전화로 지문을 소리 내어 읽어 비교한 뒤 확인됨으로 표시하세요.</translation>
        </message>
    </context>
    <context>
        <name>Corroboration</name>
        <message>
            <source>Corroborating testimonies</source>
            <translation>뒷받침하는 증언</translation>
        </message>
        <message>
            <source>Other testimonies naming the same facility, perpetrator or place at overlapping dates.</source>
            <translation>기간이 겹치면서 같은 시설, 가해자 또는 장소를 언급한 다른 증언입니다.</translation>
        </message>
        <message>
            <source>Find corroborating testimonies</source>
            <translation>뒷받침하는 증언 찾기</translation>
        </message>
        <message>
            <source>Looking…</source>
            <translation>찾는 중…</translation>
        </message>
        <message>
            <source>Open this testimony</source>
            <translation>이 증언 열기</translation>
        </message>
        <message>
            <source>Same facility: {0} in {1}</source>
            <translation>같은 시설: {1}의 {0}</translation>
        </message>
        <message>
            <source>No other testimony shares a place, facility or perpetrator at overlapping dates.</source>
            <translation>겹치는 기간에 같은 장소, 시설 또는 가해자를 언급한 다른 증언이 없습니다.</translation>
        </message>
        <message>
            <source>Same perpetrator description: {0}</source>
            <translation>같은 가해자 묘사: {0}</translation>
        </message>
        <message>
            <source>both {0}</source>
            <translation>둘 다 {0}</translation>
        </message>
        <message>
            <source>{0} found, most shared first.</source>
            <translation>{0}건 찾음 (공통점이 많은 순).</translation>
        </message>
        <message>
            <source>Same perpetrator: {0} in {1}</source>
            <translation>같은 가해자: {1}의 {0}</translation>
        </message>
        <message>
            <source>Same perpetrator: {0}</source>
            <translation>같은 가해자: {0}</translation>
        </message>
        <message>
            <source>Places within {0}</source>
            <translation>{0} 안의 장소</translation>
        </message>
        <message>
            <source>Same place: {0}</source>
            <translation>같은 장소: {0}</translation>
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
        <name>CustodyView</name>
        <message>
            <source>Recorded: consent for this testimony was already withdrawn here.</source>
            <translation>기록했습니다: 이 증언의 동의는 이 저장소에서 이미 철회되어 있었습니다.</translation>
        </message>
        <message>
            <source>Recorded: the bundle is marked delivered and verified by the recipient.</source>
            <translation>기록했습니다: 번들이 수신자에게 전달되어 확인된 것으로 표시되었습니다.</translation>
        </message>
        <message>
            <source>This notice was applied before; nothing changed.</source>
            <translation>이미 적용된 통지입니다. 바뀐 것이 없습니다.</translation>
        </message>
        <message>
            <source>This delivery was recorded before; nothing changed.</source>
            <translation>이미 기록된 전달입니다. 바뀐 것이 없습니다.</translation>
        </message>
        <message>
            <source>Document:</source>
            <translation>문서:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>보낸 곳:</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>지문:</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>만든 때:</translation>
        </message>
        <message>
            <source>Withdrawal of consent</source>
            <translation>동의 철회</translation>
        </message>
        <message>
            <source>Testimony:</source>
            <translation>증언:</translation>
        </message>
        <message>
            <source>Withdrawn on:</source>
            <translation>철회일:</translation>
        </message>
        <message>
            <source>Delivery receipt</source>
            <translation>수령 확인서</translation>
        </message>
        <message>
            <source>Bundle:</source>
            <translation>번들:</translation>
        </message>
        <message>
            <source>Imported there:</source>
            <translation>상대측 가져온 때:</translation>
        </message>
        <message>
            <source>Applied: the testimony is now marked withdrawn (revision {0}). It is kept with its custody trail and refused by every export.</source>
            <translation>적용했습니다: 이 증언은 이제 철회된 것으로 표시됩니다 (개정판 {0}). 보관 이력과 함께 남아 있으며 어떤 내보내기에서도 거부됩니다.</translation>
        </message>
        <message>
            <source>{0}; testimonies: {1}</source>
            <translation>{0}; 증언 {1}건</translation>
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
            <source>Transfers</source>
            <translation>전달 기록</translation>
        </message>
        <message>
            <source>Revision {0} · id {1}</source>
            <translation>버전 {0} · ID {1}</translation>
        </message>
        <message>
            <source>No testimonies yet. Record one with New testimony (Ctrl+N), or import a bundle from the File menu (Ctrl+I).</source>
            <translation>아직 증언이 없습니다. 새 증언(Ctrl+N)으로 기록하거나 파일 메뉴에서 번들을 가져오세요(Ctrl+I).</translation>
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
        <name>ExportChecksDialog</name>
        <message>
            <source>consent was withdrawn on {0}</source>
            <translation>{0}에 동의가 철회됨</translation>
        </message>
        <message>
            <source>no consent has been recorded</source>
            <translation>기록된 동의가 없음</translation>
        </message>
        <message>
            <source>consent was only recorded on {0}</source>
            <translation>동의가 {0}에야 기록됨</translation>
        </message>
        <message>
            <source>consent expired on {0}</source>
            <translation>동의가 {0}에 만료됨</translation>
        </message>
        <message>
            <source>consent was not given for {1}</source>
            <translation>{1}에 대한 동의가 없음</translation>
        </message>
        <message>
            <source>{0} ({1}): {2} shared by only {3} of the testimonies in this store (at least {4} needed). Suggested: {5}.</source>
            <translation>{0} ({1}): 이 저장소에서 {2}이(가) 같은 증언이 {3}건뿐입니다 (최소 {4}건 필요). 제안: {5}.</translation>
        </message>
        <message>
            <source>Before exporting</source>
            <translation>내보내기 전에</translation>
        </message>
        <message>
            <source>Export these survivors at the full level anyway (recorded in the audit log)</source>
            <translation>그래도 이 생존자들을 전체 수준으로 내보내기 (감사 기록에 남음)</translation>
        </message>
        <message>
            <source>Leave them out and export</source>
            <translation>이들을 빼고 내보내기</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Even generalised, only {0} would share it.</source>
            <translation>일반화해도 같은 증언은 {0}건뿐입니다.</translation>
        </message>
        <message>
            <source>Consent does not allow this export for:</source>
            <translation>동의 범위가 이 내보내기를 허용하지 않는 증언:</translation>
        </message>
        <message>
            <source>These testimonies will be left out.</source>
            <translation>이 증언들은 제외됩니다.</translation>
        </message>
        <message>
            <source>Survivors at risk (a full-level export identifies them):</source>
            <translation>위험에 처한 생존자 (전체 수준으로 내보내면 신원이 드러납니다):</translation>
        </message>
        <message>
            <source>They are left out unless you choose otherwise; the redacted level would include them safely.</source>
            <translation>따로 선택하지 않으면 제외됩니다. 비식별 수준이라면 안전하게 포함할 수 있습니다.</translation>
        </message>
        <message>
            <source>Recipients whose fingerprint was never verified:</source>
            <translation>지문을 한 번도 확인하지 않은 수신자:</translation>
        </message>
        <message>
            <source>If their card was swapped on the way, someone else could read this bundle. Verify them under Contacts first if you can.</source>
            <translation>전달 과정에서 카드가 바뀌었다면 다른 사람이 이 번들을 읽을 수 있습니다. 가능하면 먼저 연락처에서 확인하세요.</translation>
        </message>
        <message>
            <source>Survivors who could be re-identified from what the redacted copy still says:</source>
            <translation>비식별 사본에 남은 내용으로 다시 식별될 수 있는 생존자:</translation>
        </message>
        <message>
            <source>Generalising changes only the exported copy, never the store.</source>
            <translation>일반화는 내보내는 사본만 바꾸며 저장소는 바꾸지 않습니다.</translation>
        </message>
        <message>
            <source>Nothing is left to export.</source>
            <translation>내보낼 증언이 남아 있지 않습니다.</translation>
        </message>
        <message>
            <source>Generalise and export</source>
            <translation>일반화하여 내보내기</translation>
        </message>
        <message>
            <source>Export as is (recorded in the audit log)</source>
            <translation>그대로 내보내기 (감사 기록에 남음)</translation>
        </message>
        <message>
            <source>Where even generalising is not enough, exporting means accepting the risk, and the audit log records it.</source>
            <translation>일반화로도 충분하지 않은 경우, 내보내면 그 위험을 감수하는 것이며 감사 기록에 남습니다.</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>돌아가기(&amp;B)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Purpose</source>
            <translation>목적</translation>
        </message>
        <message>
            <source>At the redacted level, audio is left out unless you include it; a voice can identify a survivor. Documents and video are always left out.</source>
            <translation>비식별 수준에서는 포함하지 않는 한 음성을 빼고 보냅니다. 목소리로 생존자를 알아볼 수 있기 때문입니다. 문서와 동영상은 언제나 제외됩니다.</translation>
        </message>
        <message>
            <source>Disclosure level</source>
            <translation>공개 수준</translation>
        </message>
        <message>
            <source>Courts, prosecutors, UN mechanisms: needs consent to legal use.</source>
            <translation>법원, 검찰, 유엔 기구: 법적 이용에 대한 동의가 필요합니다.</translation>
        </message>
        <message>
            <source>Reports and briefings by human rights groups: needs consent to advocacy.</source>
            <translation>인권 단체의 보고서와 브리핑: 옹호 활동에 대한 동의가 필요합니다.</translation>
        </message>
        <message>
            <source>Anything made public: needs consent to publication.</source>
            <translation>공개되는 모든 것: 공개 출판에 대한 동의가 필요합니다.</translation>
        </message>
        <message>
            <source>Names, numbers and places below city level replaced; the survivor named by pseudonym only.</source>
            <translation>이름, 번호, 시 아래 단위의 장소를 가리고 생존자는 가명으로만 표시합니다.</translation>
        </message>
        <message>
            <source>Everything as recorded, for a recipient who may know who the survivor is.</source>
            <translation>기록된 그대로 보냅니다. 생존자가 누구인지 알아도 되는 수신자에게만.</translation>
        </message>
        <message>
            <source>Export a bundle</source>
            <translation>번들 내보내기</translation>
        </message>
        <message>
            <source>Filter by pseudonym</source>
            <translation>가명으로 거르기</translation>
        </message>
        <message>
            <source>Testimonies</source>
            <translation>증언</translation>
        </message>
        <message>
            <source>No contacts yet: add the legal team's identity card under Contacts first.</source>
            <translation>아직 연락처가 없습니다. 먼저 연락처에서 법률팀의 신원 카드를 추가하세요.</translation>
        </message>
        <message>
            <source>Recipients (only they can open the bundle)</source>
            <translation>수신자 (이들만 번들을 열 수 있음)</translation>
        </message>
        <message>
            <source>Bundle file</source>
            <translation>번들 파일</translation>
        </message>
        <message>
            <source>Write the bundle to</source>
            <translation>번들을 저장할 위치</translation>
        </message>
        <message>
            <source>Checking consent and risks…</source>
            <translation>동의와 위험을 확인하는 중…</translation>
        </message>
        <message>
            <source>Nothing was exported.</source>
            <translation>아무것도 내보내지 않았습니다.</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>번들을 쓰는 중…</translation>
        </message>
        <message>
            <source>Recorded in the audit log:</source>
            <translation>감사 기록에 남은 내용:</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>내보내기를 취소했습니다. 파일을 쓰지 않았습니다.</translation>
        </message>
        <message>
            <source>Bundles (*{0});;All files (*)</source>
            <translation>번들 (*{0});;모든 파일 (*)</translation>
        </message>
        <message>
            <source>{0} of {1} chosen</source>
            <translation>{1}건 중 {0}건 선택</translation>
        </message>
        <message>
            <source>Bundle written: {0}</source>
            <translation>번들을 저장했습니다: {0}</translation>
        </message>
        <message>
            <source>Testimonies: {0}; attachments: {1}; for {2}, {3} level; to {4}.</source>
            <translation>증언 {0}건, 첨부 {1}건; 목적: {2}, {3} 수준; 수신자: {4}.</translation>
        </message>
        <message>
            <source>{0} is a folder; choose a file name.</source>
            <translation>{0}은(는) 폴더입니다. 파일 이름을 정하세요.</translation>
        </message>
        <message>
            <source>The folder {0} does not exist.</source>
            <translation>폴더 {0}이(가) 없습니다.</translation>
        </message>
        <message>
            <source>Nothing was exported: {0}</source>
            <translation>아무것도 내보내지 않았습니다: {0}</translation>
        </message>
        <message>
            <source>{0} already exists. Replace it?</source>
            <translation>{0}이(가) 이미 있습니다. 바꾸시겠습니까?</translation>
        </message>
        <message>
            <source>Include &amp;audio recordings, their tags stripped (recorded in the audit log)</source>
            <translation>음성 녹음 포함(&amp;A) (태그 제거, 감사 기록에 남음)</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>내보내기(&amp;E)…</translation>
        </message>
    </context>
    <context>
        <name>ExportModels</name>
        <message>
            <source>Pseudonym</source>
            <translation>가명</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>면담일</translation>
        </message>
        <message>
            <source>Consent covers</source>
            <translation>동의 범위</translation>
        </message>
        <message>
            <source>Consent does not cover {0}: this testimony will be left out.</source>
            <translation>동의 범위에 {0}이(가) 없어 이 증언은 제외됩니다.</translation>
        </message>
        <message>
            <source>{0}   ⚠ fingerprint not verified</source>
            <translation>{0}   ⚠ 지문 확인 안 됨</translation>
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
        <message>
            <source>Restore from a backup instead…</source>
            <translation>대신 백업에서 복원…</translation>
        </message>
        <message>
            <source>Bring back a store from a backup file made with this application</source>
            <translation>이 프로그램으로 만든 백업 파일에서 저장소를 되살립니다</translation>
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
        <name>ImportDialog</name>
        <message>
            <source>This bundle was imported before; nothing changed.</source>
            <translation>이미 가져온 번들입니다. 바뀐 것이 없습니다.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>가져오기</translation>
        </message>
        <message>
            <source>Choose a bundle, a withdrawal notice or a delivery receipt sent to this store. Every byte is checked before anything is stored.</source>
            <translation>이 저장소로 보내온 번들, 동의 철회 통지 또는 수령 확인서를 선택하세요. 무엇이든 저장하기 전에 모든 바이트를 확인합니다.</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>선택한 파일 없음</translation>
        </message>
        <message>
            <source>Where it comes from</source>
            <translation>출처</translation>
        </message>
        <message>
            <source>This sender is not among your contacts. Anyone can make a bundle and sign it with a name of their choosing: call the sender on a number you already know and read the fingerprint above to each other.</source>
            <translation>이 발신자는 연락처에 없습니다. 누구든 아무 이름으로나 번들을 만들고 서명할 수 있습니다. 이미 알고 있는 번호로 발신자에게 전화하여 위의 지문을 서로 읽어 비교하세요.</translation>
        </message>
        <message>
            <source>You have not verified this contact's fingerprint yet: compare it under Contacts.</source>
            <translation>이 연락처의 지문을 아직 확인하지 않았습니다. 연락처에서 비교하세요.</translation>
        </message>
        <message>
            <source>A signed receipt, encrypted to the sender, saying this bundle arrived whole</source>
            <translation>이 번들이 온전히 도착했음을 알리는, 보낸 사람에게만 열리는 서명된 확인서</translation>
        </message>
        <message>
            <source>Choose a file to import</source>
            <translation>가져올 파일 선택</translation>
        </message>
        <message>
            <source>Bundles, notices and receipts (*.tib.age *.tin.age *.tir.age);;All files (*)</source>
            <translation>번들, 통지, 확인서 (*.tib.age *.tin.age *.tir.age);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Checked: the encryption, the sender's signature, and every file's SHA-256 and size.</source>
            <translation>확인 완료: 암호화, 발신자 서명, 모든 파일의 SHA-256과 크기.</translation>
        </message>
        <message>
            <source>Checked: the encryption, the sender's signature, that it is addressed to this store, and that it matches what this store sent or received.</source>
            <translation>확인 완료: 암호화, 발신자 서명, 이 저장소 앞으로 온 것인지, 그리고 이 저장소가 보내거나 받은 것과 일치하는지.</translation>
        </message>
        <message>
            <source>Imported. New testimonies: {0}; new revisions: {1}; unchanged: {2}; attachments added: {3}.</source>
            <translation>가져왔습니다. 새 증언: {0}건; 새 개정판: {1}건; 변경 없음: {2}건; 추가된 첨부: {3}건.</translation>
        </message>
        <message>
            <source>Checking the bundle…</source>
            <translation>번들을 확인하는 중…</translation>
        </message>
        <message>
            <source>Withdrawal notice</source>
            <translation>동의 철회 통지</translation>
        </message>
        <message>
            <source>Checking was cancelled; nothing was imported.</source>
            <translation>확인을 취소했습니다. 아무것도 가져오지 않았습니다.</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>가져오는 중…</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was stored.</source>
            <translation>가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.</translation>
        </message>
        <message>
            <source>Older than the revisions you already have, so left as they are: {0}.</source>
            <translation>이미 있는 개정판보다 오래되어 그대로 둔 증언: {0}건.</translation>
        </message>
        <message>
            <source>The sender was added to your contacts as {0}.</source>
            <translation>발신자를 {0}(이)라는 이름으로 연락처에 추가했습니다.</translation>
        </message>
        <message>
            <source>Delivery receipt</source>
            <translation>수령 확인서</translation>
        </message>
        <message>
            <source>This file cannot be imported: {0}</source>
            <translation>이 파일은 가져올 수 없습니다: {0}</translation>
        </message>
        <message>
            <source>Nothing was imported: {0}</source>
            <translation>아무것도 가져오지 않았습니다: {0}</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>I have &amp;compared this fingerprint with the sender, and it matches</source>
            <translation>발신자와 이 지문을 비교했고 일치합니다(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>가져오기(&amp;I)</translation>
        </message>
        <message>
            <source>Write a delivery &amp;receipt…</source>
            <translation>수령 확인서 작성(&amp;R)…</translation>
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
            <source>&amp;Consent receipt…</source>
            <translation>동의 확인서(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Withdraw consent…</source>
            <translation>동의 철회(&amp;W)…</translation>
        </message>
        <message>
            <source>&amp;Transfers…</source>
            <translation>전달 기록(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>내보내기(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>가져오기(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Contacts…</source>
            <translation>연락처(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Back up the store…</source>
            <translation>저장소 백업(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Verify a backup…</source>
            <translation>백업 확인(&amp;V)…</translation>
        </message>
        <message>
            <source>C&amp;heck the store…</source>
            <translation>저장소 검사(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>찾기(&amp;F)…</translation>
        </message>
        <message>
            <source>S&amp;tatistics…</source>
            <translation>통계(&amp;T)…</translation>
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
            <source>&amp;Testimony</source>
            <translation>증언(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>검색(&amp;S)</translation>
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
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Write a signed, encrypted bundle for a legal team (Ctrl+E)</source>
            <translation>법률팀에 보낼 서명·암호화된 번들를 만듭니다 (Ctrl+E)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>가져오기</translation>
        </message>
        <message>
            <source>Check and import a bundle, a withdrawal notice or a delivery receipt (Ctrl+I)</source>
            <translation>번들, 철회 통지 또는 수령 확인서를 검사하고 가져옵니다 (Ctrl+I)</translation>
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
        <name>NoStorePanel</name>
        <message>
            <source>There is no store at {0}. Create a new one, or bring one back from a backup.</source>
            <translation>{0}에 저장소가 없습니다. 새 저장소를 만들거나 백업에서 복원하세요.</translation>
        </message>
        <message>
            <source>Create a new store…</source>
            <translation>새 저장소 만들기…</translation>
        </message>
        <message>
            <source>Restore from a backup…</source>
            <translation>백업에서 복원…</translation>
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
        <name>ProvenanceView</name>
        <message>
            <source>{0} bytes</source>
            <translation>{0}바이트</translation>
        </message>
        <message>
            <source>{0} (contact, fingerprint not verified)</source>
            <translation>{0} (연락처, 지문 확인 안 됨)</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>보낸 곳:</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>지문:</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>만든 때:</translation>
        </message>
        <message>
            <source>Purpose and level:</source>
            <translation>목적과 수준:</translation>
        </message>
        <message>
            <source>Holds:</source>
            <translation>내용:</translation>
        </message>
        <message>
            <source>Bundle:</source>
            <translation>번들:</translation>
        </message>
        <message>
            <source>Unknown sender — the card says “{0}”</source>
            <translation>알 수 없는 발신자 — 카드의 이름은 “{0}”</translation>
        </message>
        <message>
            <source>{0} (verified contact)</source>
            <translation>{0} (확인된 연락처)</translation>
        </message>
        <message>
            <source>{0}, {1} level</source>
            <translation>{0}, {1} 수준</translation>
        </message>
        <message>
            <source>Testimonies: {0}; attachments: {1} ({2} in all)</source>
            <translation>증언 {0}건; 첨부 {1}건 (모두 {2})</translation>
        </message>
    </context>
    <context>
        <name>ReceiptAction</name>
        <message>
            <source>Save the delivery receipt</source>
            <translation>수령 확인서 저장</translation>
        </message>
        <message>
            <source>Delivery receipts (*.tir.age)</source>
            <translation>수령 확인서 (*.tir.age)</translation>
        </message>
        <message>
            <source>Delivery receipt</source>
            <translation>수령 확인서</translation>
        </message>
        <message>
            <source>Writing the delivery receipt…</source>
            <translation>수령 확인서를 작성하는 중…</translation>
        </message>
        <message>
            <source>The receipt for bundle {0} was saved as {1}.
It is encrypted to {2}: send it back to them, so their ledger shows the bundle as delivered and verified.</source>
            <translation>번들 {0}의 수령 확인서를 {1}(으)로 저장했습니다.
{2}만 열 수 있도록 암호화되었습니다. 보낸 쪽에 돌려보내면 그쪽 전달 기록에 이 번들이 전달 및 검증 완료로 표시됩니다.</translation>
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
            <source>A redacted export replaces every finding you have not rejected, undecided ones included, as the preview shows. Reject a finding to keep its text.</source>
            <translation>비식별 내보내기는 거부하지 않은 항목을 모두 가립니다. 결정하지 않은 항목도 미리보기처럼 가려집니다. 원문을 그대로 두려면 그 항목을 거부하세요.</translation>
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
            <source>{0} undecided: a redacted export will redact them.</source>
            <translation>미결정 {0}개: 비식별 내보내기에서 가려집니다.</translation>
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
        <name>RestoreDialog</name>
        <message>
            <source>Restore a backup</source>
            <translation>백업 복원</translation>
        </message>
        <message>
            <source>Brings a whole store back from a backup file, into the store location of this application. It only restores where there is no store yet: it never replaces or merges into one.</source>
            <translation>백업 파일에서 저장소 전체를 이 프로그램의 저장소 위치로 되살립니다. 저장소가 아직 없는 곳에만 복원하며, 기존 저장소를 덮어쓰거나 합치지 않습니다.</translation>
        </message>
        <message>
            <source>Backup &amp;file:</source>
            <translation>백업 파일(&amp;F):</translation>
        </message>
        <message>
            <source>Opens with:</source>
            <translation>여는 방법:</translation>
        </message>
        <message>
            <source>Restore into:</source>
            <translation>복원할 위치:</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>복원(&amp;R)</translation>
        </message>
        <message>
            <source>There is already a store here, so nothing can be restored into it ({0}).</source>
            <translation>이곳에 이미 저장소가 있어 복원할 수 없습니다({0}).</translation>
        </message>
        <message>
            <source>The recovery key has a typo: check each group against your paper.</source>
            <translation>복구 키에 오타가 있습니다. 종이에 적은 것과 묶음별로 비교해 보세요.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>백업을 복원하는 중…</translation>
        </message>
        <message>
            <source>Restored: {0}. Every page, revision, audit entry and attachment was checked.</source>
            <translation>복원했습니다: {0}. 모든 페이지, 수정 이력, 감사 기록, 첨부 파일을 검사했습니다.</translation>
        </message>
        <message>
            <source>Restored, but the store in the backup was already damaged ({0} problems):</source>
            <translation>복원했지만, 백업 속 저장소가 이미 손상되어 있었습니다(문제 {0}건):</translation>
        </message>
        <message>
            <source>Unlock it with the recovery key ("Forgot the passphrase?") and choose a new passphrase.</source>
            <translation>복구 키로 잠금을 해제하고("암호 문구를 잊으셨나요?") 새 암호 문구를 정하세요.</translation>
        </message>
        <message>
            <source>Unlock it with the passphrase of the backup.</source>
            <translation>백업의 암호 문구로 잠금을 해제하세요.</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was restored.</source>
            <translation>취소했습니다. 아무것도 복원되지 않았습니다.</translation>
        </message>
        <message>
            <source>Nothing was restored: {0}</source>
            <translation>복원하지 못했습니다: {0}</translation>
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
        <name>SavedSearches</name>
        <message>
            <source>(no query)</source>
            <translation>(검색어 없음)</translation>
        </message>
        <message>
            <source>Name for the current search</source>
            <translation>현재 검색의 이름</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>삭제…</translation>
        </message>
        <message>
            <source>Delete saved search</source>
            <translation>저장된 검색 삭제</translation>
        </message>
        <message>
            <source>Type a query or choose a filter first.</source>
            <translation>먼저 검색어를 입력하거나 필터를 선택하십시오.</translation>
        </message>
        <message>
            <source>Give the search a name.</source>
            <translation>검색 이름을 입력하십시오.</translation>
        </message>
        <message>
            <source>Delete the saved search “{0}”?</source>
            <translation>저장된 검색 “{0}”을(를) 삭제하시겠습니까?</translation>
        </message>
        <message>
            <source>Saved as “{0}”.</source>
            <translation>“{0}”(으)로 저장했습니다.</translation>
        </message>
        <message>
            <source>Deleted “{0}”.</source>
            <translation>“{0}”을(를) 삭제했습니다.</translation>
        </message>
    </context>
    <context>
        <name>Screens</name>
        <message>
            <source>Transfers</source>
            <translation>전달 기록</translation>
        </message>
    </context>
    <context>
        <name>SearchFields</name>
        <message>
            <source>Narrative</source>
            <translation>진술 내용</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>가명</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>출신지</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>설명</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
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
            <source>Run by</source>
            <translation>운영 기관</translation>
        </message>
        <message>
            <source>Event type</source>
            <translation>사건 유형</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>제약 사항</translation>
        </message>
        <message>
            <source>Withdrawal note</source>
            <translation>철회 메모</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>통역사</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>면담자</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>첨부파일</translation>
        </message>
        <message>
            <source>Event {0} · {1}</source>
            <translation>사건 {0} · {1}</translation>
        </message>
    </context>
    <context>
        <name>SearchFilters</name>
        <message>
            <source>Any event type</source>
            <translation>모든 사건 유형</translation>
        </message>
        <message>
            <source>Any place (단둥, Dandong, 丹东…)</source>
            <translation>모든 장소 (단둥, Dandong, 丹东…)</translation>
        </message>
        <message>
            <source>Any facility</source>
            <translation>모든 시설</translation>
        </message>
        <message>
            <source>Any perpetrator</source>
            <translation>모든 가해자</translation>
        </message>
        <message>
            <source>Any consent</source>
            <translation>모든 동의</translation>
        </message>
        <message>
            <source>Include testimonies whose consent was withdrawn</source>
            <translation>동의가 철회된 증언도 포함</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>필터 지우기</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>사건</translation>
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
            <source>Facility</source>
            <translation>시설</translation>
        </message>
        <message>
            <source>Perpetrator</source>
            <translation>가해자</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>동의</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>보낸 곳</translation>
        </message>
        <message>
            <source>Any sender</source>
            <translation>모든 보낸 곳</translation>
        </message>
        <message>
            <source>Recorded in this store</source>
            <translation>이 저장소에서 기록함</translation>
        </message>
        <message>
            <source>from, e.g. 2019</source>
            <translation>부터, 예: 2019</translation>
        </message>
        <message>
            <source>to, e.g. 2019-03</source>
            <translation>까지, 예: 2019-03</translation>
        </message>
        <message>
            <source>A year, a month or a day: 2019, 2019-03 or 2019-03-14. A partial date stands for its whole span.</source>
            <translation>연도, 월 또는 일: 2019, 2019-03 또는 2019-03-14. 일부만 적은 날짜는 그 기간 전체를 뜻합니다.</translation>
        </message>
        <message>
            <source>The end of the period is before its start.</source>
            <translation>기간의 끝이 시작보다 앞섭니다.</translation>
        </message>
        <message>
            <source>Covers {0} use today</source>
            <translation>{0} 동의가 현재 유효함</translation>
        </message>
        <message>
            <source>“{0}” is not a date: write 2019, 2019-03 or 2019-03-14.</source>
            <translation>“{0}”은(는) 날짜가 아닙니다. 2019, 2019-03 또는 2019-03-14 형식으로 쓰십시오.</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search testimonies (단둥, Onsong, "a phrase", -word)</source>
            <translation>증언 검색 (단둥, Onsong, "구절", -제외어)</translation>
        </message>
        <message>
            <source>Korean or English. Two characters are enough (단둥 finds 단둥에서). "Quotes" keep a phrase together, OR gives alternatives, -word leaves a word out.</source>
            <translation>한국어 또는 영어. 두 글자로도 찾습니다 (단둥으로 단둥에서를 찾음). "따옴표"는 구절을 그대로 찾고, OR는 둘 중 하나, -단어는 그 단어를 뺍니다.</translation>
        </message>
        <message>
            <source>Show more results</source>
            <translation>결과 더 보기</translation>
        </message>
        <message>
            <source>Saved searches</source>
            <translation>저장된 검색</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>검색 중…</translation>
        </message>
        <message>
            <source>No testimony matches.</source>
            <translation>일치하는 증언이 없습니다.</translation>
        </message>
        <message>
            <source>1 testimony matches.</source>
            <translation>증언 1건이 일치합니다.</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>필터</translation>
        </message>
        <message>
            <source>{0} testimonies match; the best {1} are shown.</source>
            <translation>증언 {0}건이 일치합니다. 가장 잘 맞는 {1}건을 보여 줍니다.</translation>
        </message>
        <message>
            <source>{0} testimonies match.</source>
            <translation>증언 {0}건이 일치합니다.</translation>
        </message>
        <message>
            <source>Filters ({0})</source>
            <translation>필터 ({0})</translation>
        </message>
    </context>
    <context>
        <name>SecretInput</name>
        <message>
            <source>The &amp;passphrase the store had when the backup was made</source>
            <translation>백업을 만들 때 저장소의 암호 문구(&amp;P)</translation>
        </message>
        <message>
            <source>The recovery &amp;key</source>
            <translation>복구 키(&amp;K)</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>암호 문구</translation>
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
        <message>
            <source>The quick check could not finish ({0}); run the full check.</source>
            <translation>빠른 검사를 마치지 못했습니다({0}). 전체 검사를 실행하세요.</translation>
        </message>
        <message>
            <source>Wrong passphrase, and this store's limit of failed unlocks was reached: it has been erased.</source>
            <translation>암호 문구가 틀렸고, 이 저장소의 잠금 해제 실패 한도에 도달하여 저장소가 삭제되었습니다.</translation>
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
            <source>Wrong passphrases</source>
            <translation>틀린 암호 문구</translation>
        </message>
        <message>
            <source>&amp;Erase the store after</source>
            <translation>다음 경우 저장소 삭제(&amp;E):</translation>
        </message>
        <message>
            <source> wrong passphrases in a row</source>
            <translation>번 연속으로 틀리면</translation>
        </message>
        <message>
            <source>Unlock the store to change this.</source>
            <translation>이 설정을 바꾸려면 저장소의 잠금을 해제하세요.</translation>
        </message>
        <message>
            <source>After that many wrong passphrases in a row, the store is crypto-erased for good. Anyone who knows this can destroy it by typing wrong passphrases, and a damaged key file also fails every try: keep the recovery key and a recent backup away from this laptop.</source>
            <translation>암호 문구를 그 횟수만큼 연속으로 틀리면 저장소가 암호학적으로 영구 삭제됩니다. 이 사실을 아는 사람은 누구나 틀린 암호 문구를 입력해 저장소를 파괴할 수 있고, 키 파일이 손상되어도 모든 시도가 실패합니다. 복구 키와 최근 백업을 이 노트북과 떨어진 곳에 보관하세요.</translation>
        </message>
        <message>
            <source>Off: wrong passphrases only make the next try wait longer (up to 5 minutes).</source>
            <translation>꺼짐: 암호 문구를 틀리면 다음 시도까지 기다리는 시간만 늘어납니다(최대 5분).</translation>
        </message>
        <message>
            <source>Erase the store after {0} wrong passphrases in a row?

The erase cannot be undone. Make sure a backup and the recovery key are kept somewhere else.</source>
            <translation>암호 문구를 {0}번 연속으로 틀리면 저장소를 삭제할까요?

삭제는 되돌릴 수 없습니다. 백업과 복구 키를 다른 곳에 보관했는지 확인하세요.</translation>
        </message>
    </context>
    <context>
        <name>StatsChart</name>
        <message>
            <source>Events</source>
            <translation>사건</translation>
        </message>
        <message>
            <source>Survivors</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Events by {0}</source>
            <translation>{0}별 사건</translation>
        </message>
    </context>
    <context>
        <name>StatsDashboard</name>
        <message>
            <source>Statistics</source>
            <translation>통계</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>세는 중…</translation>
        </message>
        <message>
            <source>Export table as CSV</source>
            <translation>표를 CSV로 내보내기</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <source>Save chart as PNG</source>
            <translation>차트를 PNG로 저장</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <source>survivors</source>
            <translation>명</translation>
        </message>
        <message>
            <source>Counting events…</source>
            <translation>사건을 세는 중…</translation>
        </message>
        <message>
            <source>Too few survivors to show any count.</source>
            <translation>생존자가 너무 적어 어떤 수도 보여 줄 수 없습니다.</translation>
        </message>
        <message>
            <source>Could not write {0}.</source>
            <translation>{0}을(를) 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>Rows with fewer survivors than this are withheld. It cannot be set below {0}.</source>
            <translation>생존자가 이보다 적은 행은 숨깁니다. {0}보다 낮게 설정할 수 없습니다.</translation>
        </message>
        <message>
            <source>Counting events, and the survivors (testimonies) behind them. {0}: fewer than {1} survivors; x: withheld with such a row, or so that the total cannot give one away.</source>
            <translation>사건 수와 그 사건을 증언한 생존자(증언) 수입니다. {0}: 생존자 {1}명 미만. x: 그런 행과 함께, 또는 합계로 작은 행이 드러나지 않도록 숨김.</translation>
        </message>
        <message>
            <source>Saved {0}.</source>
            <translation>{0}을(를) 저장했습니다.</translation>
        </message>
        <message>
            <source>Export &amp;table as CSV…</source>
            <translation>표를 CSV로 내보내기(&amp;T)…</translation>
        </message>
        <message>
            <source>Save chart as &amp;PNG…</source>
            <translation>차트를 PNG로 저장(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>닫기(&amp;C)</translation>
        </message>
        <message>
            <source>Count &amp;by</source>
            <translation>기준(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Withhold rows under</source>
            <translation>생존자 수가 다음 미만인 행은 숨김(&amp;W):</translation>
        </message>
    </context>
    <context>
        <name>StatsModel</name>
        <message>
            <source>Withheld too, so that the total cannot give a small row away.</source>
            <translation>합계로 작은 행이 드러나지 않도록 이 행도 숨겼습니다.</translation>
        </message>
        <message>
            <source>Event type</source>
            <translation>사건 유형</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>연도</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>장소</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>도(성)</translation>
        </message>
        <message>
            <source>Perpetrator</source>
            <translation>가해자</translation>
        </message>
        <message>
            <source>Survivor sex</source>
            <translation>생존자 성별</translation>
        </message>
        <message>
            <source>Age band</source>
            <translation>연령대</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>사건</translation>
        </message>
        <message>
            <source>Survivors</source>
            <translation>생존자</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>합계</translation>
        </message>
        <message>
            <source>Fewer than {0} survivors: withheld so that no one can be singled out.</source>
            <translation>생존자가 {0}명 미만: 누구도 특정되지 않도록 숨겼습니다.</translation>
        </message>
    </context>
    <context>
        <name>StoreCheck</name>
        <message>
            <source>The store has damage</source>
            <translation>저장소가 손상되었습니다</translation>
        </message>
        <message>
            <source>Checking every page, revision and attachment…</source>
            <translation>모든 페이지, 수정 이력, 첨부 파일을 검사하는 중…</translation>
        </message>
        <message>
            <source>{0} revisions, {1} attachments, {2} audit entries checked.</source>
            <translation>수정 이력 {0}건, 첨부 파일 {1}개, 감사 기록 {2}건을 검사했습니다.</translation>
        </message>
        <message>
            <source>Check the store</source>
            <translation>저장소 검사</translation>
        </message>
        <message>
            <source>The quick check at unlock found a problem in the store:

{0}

You can keep working. Make a backup soon, and run the full check to see everything that is damaged. Run the full check now?</source>
            <translation>잠금 해제 때 실행한 빠른 검사에서 저장소의 문제를 발견했습니다:

{0}

계속 작업할 수 있습니다. 곧 백업을 만들고, 손상된 부분을 모두 보려면 전체 검사를 실행하세요. 지금 전체 검사를 실행할까요?</translation>
        </message>
        <message>
            <source>The store is intact: {0}</source>
            <translation>저장소에 이상이 없습니다: {0}</translation>
        </message>
        <message>
            <source>… and {0} more.</source>
            <translation>… 외 {0}건.</translation>
        </message>
        <message>
            <source>The store is damaged ({0} problems):

{1}

{2}
Make a backup of what is left now; a backup made before the damage can be restored into a new store location.</source>
            <translation>저장소가 손상되었습니다(문제 {0}건):

{1}

{2}
남아 있는 것을 지금 백업하세요. 손상 전에 만든 백업은 새 저장소 위치에 복원할 수 있습니다.</translation>
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
        <name>TransfersView</name>
        <message>
            <source>Sent, no receipt yet</source>
            <translation>보냄, 수령 확인서 없음</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>받는 곳</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>지문</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>용도</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>수준</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>보낸 시각</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>번들</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Full</source>
            <translation>전체</translation>
        </message>
        <message>
            <source>Redacted</source>
            <translation>비식별</translation>
        </message>
        <message>
            <source>Delivered and verified ({0})</source>
            <translation>전달 및 검증 완료 ({0})</translation>
        </message>
        <message>
            <source>(no longer a contact)</source>
            <translation>(더 이상 연락처 아님)</translation>
        </message>
        <message>
            <source>This testimony has not been exported.</source>
            <translation>이 증언은 내보낸 적이 없습니다.</translation>
        </message>
        <message>
            <source>Nothing has been exported from this store yet.</source>
            <translation>이 저장소에서 아직 아무것도 내보내지 않았습니다.</translation>
        </message>
        <message>
            <source>withdrawal notice written {0}</source>
            <translation>철회 통지 작성 {0}</translation>
        </message>
        <message>
            <source>Transfers: {0} · delivered and verified: {1}</source>
            <translation>보낸 기록 {0}건 · 전달 및 검증 완료 {1}건</translation>
        </message>
        <message>
            <source>Bundle {0}
Manifest SHA-256 {1}</source>
            <translation>번들 {0}
매니페스트 SHA-256 {1}</translation>
        </message>
        <message>
            <source>Receipt {0}, signed {1}</source>
            <translation>수령 확인서 {0}, 서명 {1}</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>No store yet</source>
            <translation>아직 저장소가 없습니다</translation>
        </message>
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
            <source>Store erased</source>
            <translation>저장소 삭제됨</translation>
        </message>
        <message>
            <source>Too many wrong passphrases: as its owner chose, this store has been erased. Nothing in it can be opened any more. Restore a backup, or create a new store.</source>
            <translation>틀린 암호 문구가 너무 많이 입력되어, 소유자가 설정한 대로 이 저장소가 삭제되었습니다. 이제 그 안의 어떤 것도 열 수 없습니다. 백업을 복원하거나 새 저장소를 만드세요.</translation>
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
            <source>Too many wrong passphrases. Try again in {0} s.</source>
            <translation>틀린 암호 문구가 너무 많습니다. {0}초 후에 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Warning: one more wrong passphrase erases this store for good.</source>
            <translation>경고: 암호 문구를 한 번 더 틀리면 이 저장소가 영구히 삭제됩니다.</translation>
        </message>
        <message>
            <source>Warning: this store is erased after {0} more wrong passphrases.</source>
            <translation>경고: 암호 문구를 {0}번 더 틀리면 이 저장소가 삭제됩니다.</translation>
        </message>
    </context>
    <context>
        <name>VerifyBackupDialog</name>
        <message>
            <source>Verify a backup</source>
            <translation>백업 확인</translation>
        </message>
        <message>
            <source>Reads the whole backup and checks that nothing in it was changed or lost, and that it opens. Nothing is written.</source>
            <translation>백업 전체를 읽어 바뀌거나 빠진 것이 없는지, 그리고 열리는지 확인합니다. 아무것도 쓰지 않습니다.</translation>
        </message>
        <message>
            <source>Backup &amp;file:</source>
            <translation>백업 파일(&amp;F):</translation>
        </message>
        <message>
            <source>Opens with:</source>
            <translation>여는 방법:</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>확인(&amp;V)</translation>
        </message>
        <message>
            <source>The recovery key has a typo: check each group against your paper.</source>
            <translation>복구 키에 오타가 있습니다. 종이에 적은 것과 묶음별로 비교해 보세요.</translation>
        </message>
        <message>
            <source>Verifying the backup…</source>
            <translation>백업을 확인하는 중…</translation>
        </message>
        <message>
            <source>The backup is intact and opens: {0}.</source>
            <translation>백업에 이상이 없고 열립니다: {0}.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>취소되었습니다.</translation>
        </message>
        <message>
            <source>The backup did not verify: {0}</source>
            <translation>백업 확인에 실패했습니다: {0}</translation>
        </message>
        <message>
            <source>made {0}; attachment files: {1}; {2}</source>
            <translation>{0}에 만듦, 첨부 파일 {1}개, {2}</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>Withdraw consent</source>
            <translation>동의 철회</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>불러오는 중…</translation>
        </message>
        <message>
            <source>Optional. Every recipient receives it exactly as written: put no names or places in it.</source>
            <translation>선택 사항. 받는 곳마다 쓴 그대로 전달됩니다. 이름이나 장소를 적지 마세요.</translation>
        </message>
        <message>
            <source>Where to write the notices</source>
            <translation>통지를 저장할 위치</translation>
        </message>
        <message>
            <source>Legal teams that received this testimony:</source>
            <translation>이 증언을 받은 법률팀:</translation>
        </message>
        <message>
            <source>Consent for {0} ({1}) was already withdrawn on {2}. You can write the withdrawal notices again.</source>
            <translation>{0}({1})의 동의는 {2}에 이미 철회되었습니다. 철회 통지를 다시 작성할 수 있습니다.</translation>
        </message>
        <message>
            <source>Record that {0} ({1}) withdrew consent. This is final: every export will refuse this testimony from now on.</source>
            <translation>{0}({1})이(가) 동의를 철회했음을 기록합니다. 되돌릴 수 없으며, 이후 모든 내보내기에서 이 증언은 거부됩니다.</translation>
        </message>
        <message>
            <source>Each legal team below gets a signed withdrawal notice to import; send each file to its team.</source>
            <translation>아래 법률팀마다 가져올 서명된 철회 통지가 만들어집니다. 각 파일을 해당 팀에 보내세요.</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>선택(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Note for the recipients:</source>
            <translation>받는 곳에 보낼 메모(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>폴더(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Withdraw consent</source>
            <translation>동의 철회(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Withdraw consent and write notices</source>
            <translation>동의 철회 및 통지 작성(&amp;W)</translation>
        </message>
        <message>
            <source>No legal team received this testimony, so no notice is needed.</source>
            <translation>이 증언을 받은 법률팀이 없으므로 통지가 필요 없습니다.</translation>
        </message>
        <message>
            <source>{0} — {1} · {2} bundle(s)</source>
            <translation>{0} — {1} · 번들 {2}개</translation>
        </message>
        <message>
            <source>The note is too long (at most {0} characters).</source>
            <translation>메모가 너무 깁니다 (최대 {0}자).</translation>
        </message>
        <message>
            <source>Choose an existing folder for the notices.</source>
            <translation>통지를 저장할 기존 폴더를 선택하세요.</translation>
        </message>
        <message>
            <source>Record the withdrawal of consent? It cannot be undone.</source>
            <translation>동의 철회를 기록할까요? 되돌릴 수 없습니다.</translation>
        </message>
        <message>
            <source>Writing the withdrawal notices…</source>
            <translation>철회 통지를 작성하는 중…</translation>
        </message>
        <message>
            <source>Consent is recorded as withdrawn on {0}.</source>
            <translation>동의가 {0}에 철회된 것으로 기록되었습니다.</translation>
        </message>
        <message>
            <source>Notices written:</source>
            <translation>작성한 통지:</translation>
        </message>
        <message>
            <source>No notice was needed.</source>
            <translation>통지가 필요하지 않았습니다.</translation>
        </message>
        <message>
            <source>{0} recipient(s) are no longer contacts and got no notice.</source>
            <translation>받는 곳 {0}곳은 더 이상 연락처가 아니어서 통지를 받지 못했습니다.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Folder for the withdrawal notices</source>
            <translation>철회 통지를 저장할 폴더</translation>
        </message>
        <message>
            <source>(no longer a contact)</source>
            <translation>(더 이상 연락처 아님)</translation>
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
        <message>
            <source>Testimonies</source>
            <translation>증언 목록</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>검색</translation>
        </message>
        <message>
            <source>Consent withdrawn</source>
            <translation>동의 철회됨</translation>
        </message>
        <message>
            <source>{0} recipients hold this testimony from earlier exports. Write a signed withdrawal notice for each of them now?</source>
            <translation>이전에 내보낸 번들로 이 증언을 가진 수신자가 {0}곳 있습니다. 지금 각 수신자에게 보낼 서명된 철회 통지를 작성할까요?</translation>
        </message>
    </context>
</TS>