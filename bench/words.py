"""Word lists and sentence templates for the benchmark corpus (all written for this project).

Japanese and English vocabulary per topic, plus general slots. `generate.py` fills the
templates with `str.format_map`; a slot name ending in digits (`t2`) picks another word of
the same kind (`t`).
"""

from __future__ import annotations

# --- topics: (key, Japanese name, romaji slug word, ja nouns, ja title keywords,
#              English name, en nouns, en title keywords) ------------------------------------

TOPICS: list[dict[str, object]] = [
    {
        "key": "seo", "ja": "SEO", "romaji": "seo", "en": "SEO",
        "ja_nouns": ["検索順位", "内部リンク", "メタディスクリプション", "キーワード選定", "構造化データ",
                     "被リンク", "表示速度", "クロール", "インデックス", "見出し構成", "検索意図",
                     "記事タイトル", "サイトマップ", "パンくずリスト", "画像の代替テキスト"],
        "ja_kw": ["SEO対策", "内部リンク最適化", "検索意図分析", "構造化データ", "キーワード選定",
                  "コンテンツSEO"],
        "en_nouns": ["search rankings", "internal links", "meta descriptions", "keyword research",
                     "structured data", "backlinks", "page speed", "crawl budget", "indexing",
                     "heading structure", "search intent", "title tags", "sitemaps",
                     "breadcrumbs", "alt text"],
        "en_kw": ["technical SEO", "internal linking", "search intent", "structured data",
                  "keyword research", "content SEO"],
    },
    {
        "key": "marketing", "ja": "マーケティング", "romaji": "marketing", "en": "marketing",
        "ja_nouns": ["顧客体験", "購買行動", "ブランド認知", "リピート率", "広告運用", "メールマガジン",
                     "SNS投稿", "顧客単価", "口コミ", "キャンペーン", "導線設計", "成約率",
                     "ペルソナ", "ランディングページ", "会員プログラム"],
        "ja_kw": ["顧客体験", "マーケティング自動化", "リピート率改善", "ブランド戦略", "SNS運用",
                  "CVR改善"],
        "en_nouns": ["customer experience", "buying behaviour", "brand awareness",
                     "repeat purchases", "ad campaigns", "newsletters", "social posts",
                     "order value", "word of mouth", "promotions", "funnels", "conversion rates",
                     "personas", "landing pages", "loyalty programs"],
        "en_kw": ["customer experience", "marketing automation", "retention", "brand strategy",
                  "social media marketing", "conversion optimization"],
    },
    {
        "key": "ai", "ja": "AI活用", "romaji": "ai-katsuyou", "en": "AI",
        "ja_nouns": ["生成AI", "業務自動化", "プロンプト", "需要予測", "画像認識", "チャットボット",
                     "学習データ", "推論コスト", "社内ナレッジ", "要約機能", "精度評価", "運用ルール",
                     "議事録作成", "問い合わせ対応", "データ整備"],
        "ja_kw": ["生成AI活用", "AI導入", "業務効率化", "プロンプト設計", "AIチャットボット",
                  "需要予測"],
        "en_nouns": ["generative AI", "workflow automation", "prompts", "demand forecasting",
                     "image recognition", "chatbots", "training data", "inference costs",
                     "internal knowledge bases", "summaries", "evaluation", "usage policies",
                     "meeting notes", "support tickets", "data cleanup"],
        "en_kw": ["generative AI", "AI adoption", "workflow automation", "prompt design",
                  "AI chatbots", "demand forecasting"],
    },
    {
        "key": "cooking", "ja": "料理", "romaji": "ryouri", "en": "cooking",
        "ja_nouns": ["作り置き", "下ごしらえ", "旬の野菜", "調味料", "献立", "火加減", "保存容器", "出汁",
                     "包丁さばき", "冷凍保存", "副菜", "お弁当", "計量スプーン", "鍋料理", "朝ごはん"],
        "ja_kw": ["作り置きレシピ", "時短料理", "献立づくり", "お弁当のおかず", "冷凍保存", "旬の野菜"],
        "en_nouns": ["meal prep", "mise en place", "seasonal vegetables", "spices", "weekly menus",
                     "heat control", "storage containers", "stock", "knife skills", "freezing",
                     "side dishes", "packed lunches", "measuring spoons", "one-pot meals",
                     "breakfasts"],
        "en_kw": ["meal prep", "quick dinners", "weekly menus", "packed lunches", "freezer meals",
                  "seasonal cooking"],
    },
    {
        "key": "travel", "ja": "旅行", "romaji": "ryokou", "en": "travel",
        "ja_nouns": ["旅程", "宿泊先", "乗り継ぎ", "荷造り", "現地の食事", "観光地", "旅費", "移動時間",
                     "温泉", "週末旅行", "地図アプリ", "撮影スポット", "早朝の散歩", "駅弁", "雨の日の予定"],
        "ja_kw": ["国内旅行", "週末旅行", "旅費節約", "荷造りのコツ", "温泉旅行", "一人旅"],
        "en_nouns": ["itineraries", "hotels", "connections", "packing", "local food",
                     "sightseeing", "budgets", "travel time", "hot springs", "weekend trips",
                     "map apps", "photo spots", "morning walks", "train snacks", "rainy-day plans"],
        "en_kw": ["weekend trips", "budget travel", "packing light", "solo travel", "rail travel",
                  "hot spring trips"],
    },
    {
        "key": "programming", "ja": "プログラミング", "romaji": "programming", "en": "programming",
        "ja_nouns": ["型ヒント", "単体テスト", "リファクタリング", "コードレビュー", "依存関係", "ビルド時間",
                     "例外処理", "ログ出力", "設定ファイル", "並列処理", "キャッシュ", "デプロイ",
                     "命名規則", "バージョン管理", "性能計測"],
        "ja_kw": ["Python入門", "テスト自動化", "リファクタリング", "コードレビュー", "CI/CD",
                  "型ヒント"],
        "en_nouns": ["type hints", "unit tests", "refactoring", "code review", "dependencies",
                     "build times", "error handling", "logging", "config files", "concurrency",
                     "caching", "deployments", "naming", "version control", "profiling"],
        "en_kw": ["Python basics", "test automation", "refactoring", "code review", "CI/CD",
                  "type hints"],
    },
    {
        "key": "finance", "ja": "家計管理", "romaji": "kakei", "en": "personal finance",
        "ja_nouns": ["家計簿", "固定費", "積立投資", "貯蓄率", "保険の見直し", "予算管理", "ポイント還元",
                     "通信費", "老後資金", "支出の記録", "口座の整理", "ふるさと納税", "光熱費",
                     "緊急資金", "サブスク"],
        "ja_kw": ["家計管理", "固定費削減", "積立投資", "節約術", "貯金のコツ", "予算管理"],
        "en_nouns": ["budgets", "fixed costs", "index funds", "savings rates", "insurance",
                     "spending plans", "cashback", "phone bills", "retirement savings",
                     "expense tracking", "bank accounts", "tax deductions", "utility bills",
                     "emergency funds", "subscriptions"],
        "en_kw": ["budgeting", "saving money", "index investing", "cutting costs",
                  "emergency funds", "money habits"],
    },
    {
        "key": "health", "ja": "健康習慣", "romaji": "kenkou", "en": "health",
        "ja_nouns": ["睡眠の質", "朝の習慣", "ストレッチ", "水分補給", "姿勢", "歩数", "食事の記録",
                     "集中力", "休憩", "筋力トレーニング", "呼吸法", "体調管理", "在宅勤務", "目の疲れ",
                     "入浴"],
        "ja_kw": ["睡眠改善", "朝活", "ストレッチ習慣", "在宅ワーク", "姿勢改善", "体調管理"],
        "en_nouns": ["sleep quality", "morning routines", "stretching", "hydration", "posture",
                     "step counts", "food journals", "focus", "breaks", "strength training",
                     "breathing", "energy levels", "remote work", "eye strain", "evening baths"],
        "en_kw": ["better sleep", "morning routines", "daily stretching", "remote work health",
                  "posture", "healthy habits"],
    },
    {
        "key": "garden", "ja": "家庭菜園", "romaji": "saien", "en": "gardening",
        "ja_nouns": ["土づくり", "水やり", "鉢植え", "肥料", "日当たり", "剪定", "害虫対策", "種まき",
                     "ハーブ", "植え替え", "ベランダ菜園", "花壇", "堆肥", "苗選び", "収穫"],
        "ja_kw": ["ベランダ菜園", "家庭菜園", "ハーブ栽培", "プランター", "土づくり", "初心者向け園芸"],
        "en_nouns": ["soil", "watering", "containers", "fertilizer", "sunlight", "pruning",
                     "pest control", "sowing", "herbs", "repotting", "balcony gardens",
                     "flower beds", "compost", "seedlings", "harvests"],
        "en_kw": ["balcony gardening", "vegetable gardens", "growing herbs", "container gardening",
                  "soil health", "beginner gardening"],
    },
    {
        "key": "photo", "ja": "写真撮影", "romaji": "shashin", "en": "photography",
        "ja_nouns": ["構図", "露出", "ホワイトバランス", "単焦点レンズ", "逆光", "現像", "三脚",
                     "シャッタースピード", "被写界深度", "夜景", "ポートレート", "色補正", "ISO感度",
                     "手ぶれ補正", "RAW現像"],
        "ja_kw": ["写真の撮り方", "構図のコツ", "夜景撮影", "スマホ写真", "RAW現像", "ポートレート撮影"],
        "en_nouns": ["composition", "exposure", "white balance", "prime lenses", "backlight",
                     "editing", "tripods", "shutter speed", "depth of field", "night scenes",
                     "portraits", "color grading", "ISO", "stabilization", "RAW files"],
        "en_kw": ["photo composition", "night photography", "phone photography", "RAW editing",
                  "portrait photography", "photography basics"],
    },
]

# --- Japanese -------------------------------------------------------------------------------

#: Verbs as (dictionary, te, masu, ta) forms.
JA_VERBS: list[tuple[str, str, str, str]] = [
    ("見直す", "見直して", "見直します", "見直した"),
    ("整える", "整えて", "整えます", "整えた"),
    ("取り入れる", "取り入れて", "取り入れます", "取り入れた"),
    ("決める", "決めて", "決めます", "決めた"),
    ("続ける", "続けて", "続けます", "続けた"),
    ("試す", "試して", "試します", "試した"),
    ("減らす", "減らして", "減らします", "減らした"),
    ("増やす", "増やして", "増やします", "増やした"),
    ("まとめる", "まとめて", "まとめます", "まとめた"),
    ("書き出す", "書き出して", "書き出します", "書き出した"),
    ("選ぶ", "選んで", "選びます", "選んだ"),
    ("使う", "使って", "使います", "使った"),
    ("絞り込む", "絞り込んで", "絞り込みます", "絞り込んだ"),
    ("振り返る", "振り返って", "振り返ります", "振り返った"),
    ("組み合わせる", "組み合わせて", "組み合わせます", "組み合わせた"),
    ("置き換える", "置き換えて", "置き換えます", "置き換えた"),
    ("分ける", "分けて", "分けます", "分けた"),
    ("確かめる", "確かめて", "確かめます", "確かめた"),
]
JA_SURU = ["分析", "改善", "検証", "導入", "共有", "設計", "計測", "比較", "整理", "自動化", "最適化",
           "可視化", "記録", "活用", "準備", "調整", "点検", "習慣化"]
for _noun in JA_SURU:
    JA_VERBS.append((_noun + "する", _noun + "して", _noun + "します", _noun + "した"))

JA_ADJ = ["重要な", "大きな", "確かな", "効果的な", "具体的な", "小さな", "新しい", "身近な", "意外な",
          "安定した", "無理のない", "分かりやすい", "長く続く", "現実的な", "丁寧な", "手軽な"]
JA_ADV = ["少しずつ", "丁寧に", "まとめて", "早めに", "定期的に", "思い切って", "無理なく", "最初に",
          "あらためて", "こまめに", "意識して", "順番に"]
JA_WHO = ["担当者", "読者", "初心者", "経営者", "利用者", "チーム", "編集者", "家族", "学生", "専門家",
          "中小企業", "個人事業主", "新入社員", "子育て世代", "シニア層"]
JA_RESULT = ["作業時間の短縮", "成果の向上", "満足度の改善", "費用の削減", "習慣の定着", "品質の安定",
             "売上の回復", "ミスの減少", "再現性の向上", "判断の迅速化", "継続率の改善"]
JA_PROBLEM = ["手戻り", "情報の偏り", "疲れ", "予算の超過", "品質のばらつき", "思い込み", "属人化",
              "確認漏れ", "三日坊主", "過剰な期待"]
JA_PLACE = ["東京", "大阪", "福岡", "札幌", "名古屋", "仙台", "広島", "金沢", "地方の小さな店舗", "社内",
            "オンライン講座", "地域のコミュニティ"]
JA_QUOTE = ["難しそう", "時間がない", "何から始めればいいかわからない", "効果が見えにくい", "もっと早く知りたかった",
            "思ったより簡単だった", "続けられるか不安", "費用が気になる"]
JA_DURATION = ["5分", "10分", "15分", "30分", "1時間", "3日", "1週間", "2週間", "1か月", "3か月"]
JA_FREQ = ["毎週", "月に一度", "四半期ごとに", "定期的に", "毎朝", "週末ごとに", "季節の変わり目に"]
JA_SEASON = ["春先", "梅雨の時期", "夏休み前", "年度末", "年末", "秋", "連休明け"]
JA_CHANGE = ["変化", "違い", "課題", "傾向", "伸びしろ", "ボトルネック"]
JA_CONN = ["", "", "", "さらに、", "一方で、", "例えば、", "そのため、", "また、", "実は、", "とはいえ、",
           "つまり、", "次に、", "特に、", "ここで、", "もちろん、"]
JA_TIPS = ["秘策", "コツ", "ポイント", "方法", "習慣", "戦略", "ステップ", "チェック項目"]
JA_GAIN = ["時短", "効率化", "売上アップ", "習慣化", "コスト削減", "品質向上", "成果アップ", "失敗回避"]

JA_SENTENCES = [
    "{conn}{t}を{v_te}、{t2}の{n_change}を{adv}{v2_masu}。",
    "{t}は{who}にとって{adj}要素です。",
    "{conn}多くの{who}が{t}について「{quote}」と感じています。",
    "{conn}ある調査では、{who}の{pct}%が{t}を{v_ta}と答えました。",
    "{t}を{v_te}みると、{t2}の{n_change}がはっきり見えてきます。",
    "まずは{t}から始めて、慣れてきたら{t2}へ進むのがおすすめです。",
    "{conn}{t}と{t2}のバランスを意識することで、{result}につながります。",
    "この方法は{duration}ほどで{v_dict}ことができ、{adj}成果が期待できます。",
    "ポイントは、{t}を{adv}{v_dict}ことではなく、{t2}を{v2_dict}ことにあります。",
    "{conn}{place}の事例では、{t}を{v_ta}結果、{t2}が{num}倍になりました。",
    "{t}については、{season}に{v_dict}と効果的です。",
    "ここで大切なのは、{who}の視点で{t}を{v_dict}ことです。",
    "ただし、{t}に頼りすぎると{problem}が起きやすくなります。",
    "{t}を{v_ta}あとは、必ず{t2}を確認しましょう。",
    "{who}からは「{t}のおかげで{result}を実感できた」という声も届いています。",
    "{t}は一度{v_te}終わりではなく、{freq}見直すことが欠かせません。",
    "{conn}{t}の{n_change}を把握しておけば、{problem}を未然に防げます。",
    "{t}に{duration}かけるだけで、{t2}の質が{adj_i}ほど変わります。",
    "{conn}小さな{t}の積み重ねが、{result}という{adj}結果を生みます。",
    "{who}が{t}を{v_dict}ときは、{t2}の記録を残しておくと後で役立ちます。",
    "{conn}{t}の目安は{pct}%前後ですが、{who}によって適切な値は変わります。",
    "今回紹介する内容は、{place}で{who}と一緒に{v_ta}経験をもとにしています。",
    "{t}を{v_te}{t2}を{v2_dict}、という流れを{freq}繰り返しましょう。",
    "{conn}{t}を後回しにすると、{t2}にも{problem}が広がってしまいます。",
]
JA_FOCUS_SENTENCES = [
    "{focus}を知っておくと、{t}の判断がぐっと楽になります。",
    "{conn}{focus}で迷ったときは、まず{t}を{v_dict}ところから始めましょう。",
    "{who}から特に質問が多いのが{focus}です。",
    "{focus}については、{t}と{t2}を分けて考えるのが近道です。",

]
JA_KW_SENTENCES = [
    "{kw}も合わせて見直すと、{result}がぐっと近づきます。",
    "{conn}{kw}を{v_te}おくと、{t}の迷いが減ります。",
]
JA_FOCUS_MOD = ["コツ", "事例", "やり方", "始め方", "注意点", "基本", "メリット", "比較", "選び方", "費用",
                "効果", "手順", "ポイント", "失敗例"]
JA_FOCUS_H2 = ["{focus}の全体像", "{focus}で押さえたい{t}", "{focus}を{v_dict}前に"]
JA_ADJ_I = ["驚く", "見違える", "はっきり分かる", "予想以上の", "目に見える"]

JA_TITLES = [
    "{year}年版！{kw}で{gain}を実現する{k}つの{tips}",
    "初心者でもできる{kw}入門：{k}つのステップで{gain}",
    "{kw}とは？{kw2}との違いと{k}つの実践ポイント",
    "{who}が知っておきたい{kw}の基本と{k}つのコツ",
    "失敗しない{kw}：{place}の事例から学ぶ{k}つの教訓",
    "{kw}を見直すだけ！{duration}でできる{k}つの{tips}",
    "【{year}年最新】{kw}の始め方と{k}つの注意点",
    "{kw}で差がつく！{who}のための{k}つの{tips}",
]
JA_H2 = [
    "{t}の基本を押さえる",
    "なぜ{t}が重要なのか",
    "{t}と{t2}の違い",
    "よくある失敗と対策",
    "{place}の事例：{t}で{result}",
    "{t}を{v_dict}前に確認すること",
    "{t}を{v_te}{t2}を{v2_dict}",
    "{who}が押さえたい{t}のポイント",
    "{t}の最新トレンド",
    "{duration}でできる{t}の見直し",
]
JA_STEP = ["ステップ{i}：{t}を{v_dict}", "ポイント{i}：{t}を{adv}{v_dict}", "{i}. {t}と{t2}を{v_dict}",
           "秘策{i}：{t}で{result}"]
JA_H3 = ["{t}のチェックリスト", "具体的な手順", "注意したい点", "{who}の声", "数字で見る{t}", "{t}の選び方",
         "実践例：{t}", "補足：{t2}との関係"]
JA_SUMMARY = ["まとめ", "まとめと次のアクション", "おわりに", "まとめ：今日からできること"]
JA_RELATED = ["関連記事", "あわせて読みたい", "こちらの記事もおすすめです"]
JA_AUTHORS = ["山田 花子", "佐藤 健", "鈴木 美咲", "高橋 翔", "編集部", "田中 由紀", "伊藤 大輔"]
JA_ORGS = ["サンプル商会", "ミナト編集室", "ひだまりラボ"]
JA_CATEGORIES = ["ノウハウ", "成功事例", "入門", "コラム", "レビュー", "ニュース"]
JA_TABLE_HEAD = [("項目", "内容", "目安"), ("方法", "メリット", "注意点"), ("段階", "やること", "期間")]
JA_CTA = ["無料相談受付中", "ニュースレターのご案内", "お問い合わせはこちら"]
JA_ALT_OK = ["{t}を{v_dict}様子", "{t}の作業風景", "{who}が{t}を確認している写真", "{place}で撮影した{t}",
             "{t}と{t2}を比較した図"]
JA_PLACEHOLDER = ["〇%", "XX円", "（ここに具体例を追加）", "TODO: 数字を確認", "[要確認]"]

# --- English ----------------------------------------------------------------------------------

#: Verbs as (base, third person, past, gerund).
EN_VERBS: list[tuple[str, str, str, str]] = [
    ("review", "reviews", "reviewed", "reviewing"), ("adjust", "adjusts", "adjusted", "adjusting"),
    ("measure", "measures", "measured", "measuring"), ("plan", "plans", "planned", "planning"),
    ("simplify", "simplifies", "simplified", "simplifying"),
    ("automate", "automates", "automated", "automating"),
    ("compare", "compares", "compared", "comparing"),
    ("document", "documents", "documented", "documenting"), ("test", "tests", "tested", "testing"),
    ("organize", "organizes", "organized", "organizing"), ("refine", "refines", "refined", "refining"),
    ("schedule", "schedules", "scheduled", "scheduling"), ("track", "tracks", "tracked", "tracking"),
    ("share", "shares", "shared", "sharing"), ("rethink", "rethinks", "rethought", "rethinking"),
    ("trim", "trims", "trimmed", "trimming"), ("batch", "batches", "batched", "batching"),
    ("label", "labels", "labelled", "labelling"), ("revisit", "revisits", "revisited", "revisiting"),
]
EN_ADJ = ["important", "reliable", "practical", "surprising", "steady", "simple", "useful", "clear",
          "sustainable", "modest", "noticeable", "realistic", "flexible", "deliberate"]
EN_ADV = ["gradually", "carefully", "early", "regularly", "deliberately", "quietly", "first",
          "consistently", "patiently", "openly"]
EN_WHO = ["readers", "beginners", "small teams", "editors", "founders", "parents", "students",
          "freelancers", "managers", "new hires", "shop owners", "volunteers"]
EN_RESULT = ["shorter work sessions", "better results", "happier customers", "lower costs",
             "habits that stick", "steadier quality", "fewer mistakes", "faster decisions",
             "calmer weeks", "repeatable wins"]
EN_PROBLEM = ["rework", "blind spots", "burnout", "budget overruns", "uneven quality",
              "guesswork", "single points of failure", "missed checks", "false confidence"]
EN_PLACE = ["Portland", "Leeds", "Melbourne", "Toronto", "Austin", "Dublin", "a small bakery",
            "a two-person agency", "our own team", "a local library", "a community garden"]
EN_QUOTE = ["this looks hard", "I don't have time", "I don't know where to start",
            "I can't see the benefit yet", "I wish I had known this sooner",
            "it was easier than expected", "will I keep this up?"]
EN_DURATION = ["five minutes", "ten minutes", "half an hour", "an hour", "three days", "a week",
               "two weeks", "a month", "a quarter"]
EN_FREQ = ["every week", "once a month", "every quarter", "regularly", "every morning",
           "at the end of each season", "after every project"]
EN_CONN = ["", "", "", "Also, ", "On the other hand, ", "For example, ", "That is why ",
           "In practice, ", "Still, ", "In short, ", "Next, ", "In particular, ", "Of course, "]
EN_SENTENCES = [
    "{conn}{who} who {v_base} their {t} {adv} tend to see {result}.",
    "The key is not to {v_base} {t} once, but to {v2_base} it {freq}.",
    "{conn}in {place}, {t} improved by {pct}% within {duration}.",
    "Start with {t}, then move on to {t2} once the basics feel natural.",
    "{conn}many {who} say \"{quote}\" when they first look at {t}.",
    "If you {v_base} {t} before {t2}, you avoid {problem} later.",
    "{conn}{t} matters because it shapes how {who} experience {t2}.",
    "A simple checklist for {t} takes about {duration} and pays off {freq}.",
    "We {v_past} {t} for {num} weeks and found that {t2} mattered more than expected.",
    "Keep notes on {t}; small changes add up to {result}.",
    "{conn}relying on {t} alone often leads to {problem}.",
    "{conn}the {adj} part is {v_gerund} {t} without losing sight of {t2}.",
    "Most {who} underestimate {t}, yet it is the most {adj} lever they have.",
    "{conn}a {adj} habit around {t} beats an ambitious plan that nobody follows.",
    "When {who} {v_base} {t}, {t2} usually follows within {duration}.",
    "{conn}about {pct}% of the {who} we spoke to had never {v_past} their {t}.",
    "Try {v_gerund} {t} for {duration} and write down what changes.",
    "{conn}there is no single right answer for {t}; context decides.",
    "Pair {t} with {t2} and the effect is {adj} rather than dramatic.",
    "{conn}we saw {result} after {v_gerund} {t} {freq}.",
]
EN_FOCUS_SENTENCES = [
    "{conn}{focus} comes down to how you handle {t}.",
    "If {focus} feels overwhelming, start by {v_gerund} {t}.",
    "{conn}questions about {focus} are the ones {who} ask us most.",
    "Think of {focus} as two jobs: {t} and {t2}.",

]
EN_KW_SENTENCES = [
    "{conn}{kw} is worth a look too, because it feeds into {t}.",
    "We {v_past} {kw} alongside {t} and saw {result}.",
]
EN_FOCUS_MOD = ["tips", "examples", "for beginners", "checklist", "mistakes", "basics", "guide",
                "ideas", "costs", "tools", "strategy", "step by step", "at home", "on a budget"]
EN_FOCUS_H2 = ["Getting started with {focus}", "Where {focus} meets {t}", "What {focus} changes"]
EN_TITLES = [
    "{k} {adj} Ways to Improve Your {kw} in {year}",
    "A Beginner's Guide to {kw}: {k} Steps That Work",
    "What Is {kw}? How It Differs from {kw2}, Plus {k} Tips",
    "{kw} for {who}: {k} Lessons from {place}",
    "Stop Guessing: {k} {adj} Habits for Better {kw}",
    "The {year} Playbook for {kw} ({k} Practical Steps)",
    "How We Fixed Our {kw} in {duration} ({k} Changes)",
]
EN_H2 = ["The basics of {t}", "Why {t} matters", "{T} versus {t2}", "Common mistakes and fixes",
         "Case study: {t} in {place}", "Before you {v_base} {t}", "How {who} approach {t}",
         "Recent trends in {t}", "A {duration} review of {t}"]
EN_STEP = ["Step {i}: {V_base} your {t}", "Tip {i}: {V_base} {t} {adv}", "{i}. Pair {t} with {t2}",
           "Lesson {i}: {T} drives {result}"]
EN_H3 = ["A checklist for {t}", "Step by step", "Watch out for", "What {who} told us",
         "{T} in numbers", "Choosing {t}", "Example: {t}", "How {t2} fits in"]
EN_SUMMARY = ["Summary", "Wrapping up", "Key takeaways", "What to do next"]
EN_RELATED = ["Related posts", "Further reading", "You might also like"]
EN_AUTHORS = ["Alex Morgan", "Priya Natarajan", "Sam Lee", "Jordan Reyes", "Editorial Team",
              "Mia Schneider", "Tom Okafor"]
EN_CATEGORIES = ["guides", "case studies", "basics", "opinion", "reviews", "news"]
EN_TABLE_HEAD = [("Item", "What to do", "Target"), ("Method", "Upside", "Watch out"),
                 ("Stage", "Tasks", "Duration")]
EN_CTA = ["Free consultation", "Join the newsletter", "Get in touch"]
EN_ALT_OK = ["{who} {v_gerund} {t} at a desk", "A close-up of {t}", "Chart comparing {t} and {t2}",
             "{T} photographed in {place}", "Notes about {t} on a whiteboard"]
EN_PLACEHOLDER = ["XX%", "$[price]", "(add example here)", "TODO: check the numbers", "[TBD]"]

# --- shared --------------------------------------------------------------------------------

CDN_HOSTS = ["images.cdn.example.com", "img.photos.example.net", "media.example-cdn.org"]
LINK_HOSTS = ["www.example.org", "docs.example.com", "research.example.net", "news.example.jp",
              "blog.example.co.jp", "stats.example.gov"]
CODE_LANGS = ["python", "yaml", "bash", "html", "javascript", "json", "text"]
IDENTS = ["report", "items", "config", "result", "summary", "records", "threshold", "budget",
          "schedule", "queue", "notes", "weights", "total", "batch", "entries"]
