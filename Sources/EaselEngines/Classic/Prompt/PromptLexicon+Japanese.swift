extension PromptLexicon {
    /// Japanese, written without spaces (see `TokenSegmenter`). Adjectives are read by their
    /// stem ("明る" in 明るく, 明るさ, 明るすぎる), so endings need no entries; すぎる after
    /// an effect complains of it, しないで negates it, 少し halves. Verbs follow their object
    /// ("彩度を下げて"): the て-form ends a sub-clause, so a verb never reaches the next effect.
    /// The plain 暗い states a complaint and brightens; 暗く and 暗め ask for darker.
    static let japaneseWords: [(String, LexiconMeaning)] = Array([
        // Light.
        each(["明る", "明るさ", "明るく", "明るめ", "明るい", "ライト", "露出", "明度", "輝度", "光量"],
             anywhere(.init(.brightness))),
        each(["暗い", "暗すぎ", "暗すぎる", "露出不足", "アンダー", "露出アンダー", "暗っぽい", "薄暗い"],
             anywhere(.init(.brightness))),
        each(["暗", "暗く", "暗め", "暗い雰囲気", "暗い感じ", "暗いトーン", "ダーク", "暗くする"],
             anywhere(.init(.brightness, -1))),
        each(["露出オーバー", "露出過多", "白飛び", "オーバー"], anywhere(.init(.brightness, -1), .init(.highlights, -0.5))),
        each(["シャドウ", "シャドー", "暗部"], withModifier(.init(.shadows))),
        each(["ハイライト"], withModifier(.init(.highlights))),
        each(["コントラスト", "メリハリ"], anywhere(.init(.contrast))),
        each(["眠い", "ぼんやり", "くすんで", "くすみ", "くすんだ", "のっぺり", "平坦"],
             correcting(.init(.contrast), .init(.saturation, 0.5))),
        each(["自動補正", "自動調整", "オートレベル", "自動レベル補正", "露出補正", "露出を補正", "光を補正", "ライティングを直", "照明を直"], anywhere(.init(.autoLevels))),
        each(["画質を上げ", "画質向上", "画質を改善", "きれいに", "綺麗に"], .effect(enhancement, placement: .anywhere)),
        // "改善" follows its object in Japanese ("コントラストを改善") and precedes it in
        // Chinese ("改善对比度"); alone it asks for the general enhancement (`improvementWords`).
        [("改善", .trailingPolarity(.increase))],
        each(["ホワイトバランス", "色かぶり補正", "色かぶりを補正", "色かぶりを直", "色補正"], anywhere(.init(.autoWhiteBalance))),
        each(["明瞭度", "ディテール", "クラリティ"], anywhere(.init(.clarity))),
        each(["かすみ除去", "霞除去", "ヘイズ除去", "デヘイズ"], anywhere(.init(.dehaze))),
        each(["フェード", "色あせ", "マット"], anywhere(.init(.fade))),
        each(["ビネット", "周辺減光", "ヴィネット", "四隅を暗く"], anywhere(.init(.vignette))),
        // Colour.
        each(["彩度", "鮮やか", "色鮮やか", "ビビッド", "カラフル", "鮮やかさ"], anywhere(.init(.saturation))),
        each(["彩度を落と", "くすませ", "落ち着いた色", "淡い色", "淡く", "淡い"], anywhere(.init(.saturation, -1))),
        each(["自然な彩度", "自然な鮮やかさ", "バイブランス"], anywhere(.init(.vibrance))),
        each(["暖か", "温か", "暖色", "温かみ", "暖かみ", "暖色系", "ウォーム", "色温度"], anywhere(.init(.temperature))),
        each(["冷た", "寒色", "寒色系", "クール", "涼し", "涼しげ", "青っぽく"], anywhere(.init(.temperature, -1))),
        // Casts: "青すぎる", "黄色っぽい", "黄ばみ" complain; a plain "青い空" is no request.
        each(["青", "青み", "青色"], withModifier(.init(.temperature, -0.75))),
        each(["黄色", "黄", "黄み", "オレンジ"], withModifier(.init(.temperature, 0.75))),
        each(["緑", "緑色", "緑み"], withModifier(.init(.tint, -0.75))),
        each(["マゼンタ", "ピンク", "赤み", "赤", "紫"], withModifier(.init(.tint, 0.75))),
        casts(["青", "青み", "青色"], anywhere(.init(.temperature, 0.75))),
        casts(["黄色", "黄", "黄み", "黄ばみ", "オレンジ"], anywhere(.init(.temperature, -0.75))),
        casts(["緑", "緑み", "緑色"], anywhere(.init(.tint, 0.75))),
        casts(["マゼンタ", "赤", "赤み", "ピンク", "紫"], anywhere(.init(.tint, -0.75))),
        each(["青白い", "青みがかって", "青みがかった"], anywhere(.init(.temperature, 0.75))),
        each(["黄ばんで", "黄ばみ", "黄ばんだ", "黄色みがかった"], anywhere(.init(.temperature, -0.75))),
        each(["白黒", "モノクロ", "モノクローム", "グレースケール", "白黒写真"], anywhere(.init(.monochrome))),
        each(["セピア", "セピア調", "古い写真"], anywhere(.init(.sepia))),
        each(["レトロ", "ビンテージ", "ヴィンテージ", "懐かしい", "昭和"],
             anywhere(.init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5), .init(.grain, 0.5))),
        each(["色が薄い", "色が薄く", "色味が薄い", "色が物足りない"], anywhere(.init(.vibrance), .init(.saturation, 0.5))),
        each(["フィルム", "フィルム風", "フィルムっぽく", "フィルムカメラ風", "エモい", "エモく", "エモい感じ"],
             anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5))),
        each(["映画風", "映画のよう", "シネマティック"], anywhere(.init(.contrast, 0.5), .init(.splitTone), .init(.vignette, 0.5))),
        // Detail.
        each(["シャープ", "シャープネス", "鮮明", "くっきり", "はっきり", "シャープに"], anywhere(.init(.sharpness))),
        // Blur said of the photo ("ボケてる", "ピンボケ", "ブレてる") is a fault to sharpen;
        // asked for ("ぼかして") it blurs.
        each(["ボケてる", "ボケている", "ぼけてる", "ぼけている", "ボケちゃった", "ピンぼけ", "ピンボケ", "ブレてる",
              "ブレている", "ぶれてる", "手ブレ", "ボケボケ", "ぼやけてる", "ぼやけている"], correcting(.init(.sharpness))),
        each(["ぼかし", "ぼかす", "ぼかして", "ぼや", "ぼやけ", "ぼけ", "ボケ", "ソフトフォーカス",
              "ブラー"], anywhere(.init(.sharpness, -1))),
        each(["ドラマチック", "ドラマティック"], anywhere(.init(.contrast))),
        each(["青白く", "青白い", "青っぽい", "青みがかって", "青みがかった"], anywhere(.init(.temperature, 0.75))),
        each(["色味を自然に", "色を自然に", "自然な色に", "色味を自然な感じに", "色を自然な感じに"], anywhere(.init(.autoWhiteBalance))),
        each(["ふんわり", "柔らかい雰囲気", "やわらかい雰囲気", "ふんわり柔らかい"],
             anywhere(.init(.brightness, 0.5), .init(.contrast, -0.5))),
        each(["ノイズ"], noiseCorrection),
        each(["ノイズが多い", "ノイズがひどい", "ノイズだらけ", "ノイズっぽい"], anywhere(.init(.denoise))),
        each(["ざらざら", "ザラザラ", "ざらつき"], anywhere(.init(.grain), .init(.denoise, -1))),
        each(["ノイズ除去", "ノイズリダクション", "ノイズを除去", "ノイズ低減", "ノイズを消", "ノイズを取"], anywhere(.init(.denoise))),
        each(["粒子", "グレイン", "フィルムグレイン", "粒状感", "粒子感"], anywhere(.init(.grain))),
        // Framing.
        each(["正方形", "真四角", "スクエア", "正方形にトリミング"], anywhere(.init(.aspect, 1))),
        each(["回転", "右に回転", "右回転", "時計回りに回転", "右回り"], anywhere(.init(.rotate, 90))),
        each(["左に回転", "左回転", "反時計回りに回転", "左回り"], anywhere(.init(.rotate, -90))),
        each(["上下逆さ", "逆さま", "逆さに"], anywhere(.init(.rotate, 180))),
        each(["反時計回り", "左に", "左"], .rotationDirection(-1)),
        each(["時計回り", "右に", "右"], .rotationDirection(1)),
        each(["反転", "左右反転", "水平反転", "ミラー", "鏡像", "裏返"], anywhere(.init(.flipHorizontal))),
        each(["上下反転", "垂直反転"], anywhere(.init(.flipVertical))),
        each(["ズーム", "ズームイン", "拡大", "寄"], anywhere(.init(.zoom))),
        each(["ズームアウト", "縮小", "引き"], anywhere(.init(.zoom, -1))),
        each(["度"], .unit(.degrees)),
        each(["倍"], .unit(.times)),
        // Bars fit the whole picture inside the ratio, then fill around it.
        each(["白い余白", "余白を白", "白帯"], anywhere(.init(.pad), .init(.whiteBorder))),
        each(["黒い余白", "黒帯"], anywhere(.init(.pad), .init(.blackBorder))),
        // Borders, never graded.
        each(["白い枠", "白枠", "白いフチ", "白フチ", "白い縁", "白いボーダー"], anywhere(.init(.whiteBorder))),
        each(["黒い枠", "黒枠", "黒いフチ", "黒フチ", "黒い縁"], anywhere(.init(.blackBorder))),
        // Grammar.
        each(["少し", "ちょっと", "やや", "わずかに", "僅かに", "ほんの少し", "少々", "軽く", "控えめ", "控えめに",
              "もう少し", "ちょっとだけ", "少しだけ", "気持ち", "ほんのり", "うっすら"], .intensity(0.5)),
        each(["とても", "すごく", "かなり", "非常に", "大幅に", "大きく", "しっかり", "ずっと", "だいぶ", "もっともっと",
              "たっぷり", "強め", "強めに"], .intensity(1.5)),
        each(["極端に", "思いっきり", "思い切り", "最大限", "めちゃくちゃ", "超", "最大"], .intensity(2)),
        each(["もっと", "より", "さらに"], .polarity(.increase)),
        each(["上げ", "強く", "高く", "高め", "増や", "増し", "追加", "加え", "足し", "付け", "プラス", "アップ",
              "足りない", "不足", "物足りない", "強調", "くない", "が足りない"], .trailingPolarity(.increase)),
        each(["下げ", "弱く", "弱め", "低く", "低め", "減ら", "抑え", "落と", "ダウン", "マイナス", "除去",
              "取り除", "消", "取"], .trailingPolarity(.decrease)),
        each(["しないで", "ないで", "ない", "なし", "せず", "しない", "ません", "無し"], .trailingPolarity(.negate)),
        each(["すぎ", "すぎる", "過ぎ", "過ぎる", "すぎて", "過ぎて", "すぎます", "目立つ", "目立ちます", "気になる"],
             .trailingPolarity(.excess)),
        each(["やりすぎない", "やりすぎないで", "やり過ぎない", "やり過ぎないで", "ほどほど", "自然に", "自然な感じ",
              "ナチュラル", "さりげなく", "控えめにして"], .restraint),
        each(["て", "して", "で", "そして", "それから", "あと", "また", "それと", "および", "と", "も", "つつ",
              "ながら", "けど"], .separator),
        each(["写真", "画像", "全体", "色合い", "色味", "雰囲気", "感じ", "トーン", "イメージ", "印象", "仕上がり",
              "仕上げ", "これ", "この写真", "この画像"], .pictureNoun),
        each(["る", "てる", "ている", "してる", "している", "ちゃった", "しちゃった",
              "を", "に", "が", "は", "の", "く", "い", "め", "さ", "な", "する", "した", "ください", "下さい", "お願い",
              "お願いします", "にして", "してください", "です", "ます", "ね", "よ", "か", "ほしい", "欲しい", "たい",
              "させ", "させて", "なる", "なって", "なり", "になる", "っぽく", "っぽい", "みたい", "ように", "ような", "よう",
              "感", "的", "状態", "ちょうだい", "してほしい", "にしたい", "だけ", "ぐらい", "くらい", "程度",
              "できる", "できますか", "いる", "ある", "これを", "ちゃって", "気味", "しまって", "なので", "から", "ので",
              "もう", "まで", "全部", "部分"], .filler),
    ].joined())

    /// A colour named with a word of complaint or removal ("青すぎる", "黄ばみを取って",
    /// "緑かぶり"), to the correction that removes it.
    private static func casts(_ colours: [String], _ correction: LexiconMeaning) -> [(String, LexiconMeaning)] {
        let endings = ["すぎ", "すぎる", "過ぎ", "過ぎる", "っぽい", "かぶり", "被り", "が強い", "みが強い", "を取",
                       "を取り除", "を消", "を除去", "を抑え", "を減ら", "を直"]
        return colours.flatMap { colour in endings.map { (colour + $0, correction) } }
    }

    /// Words of generative requests, in Japanese.
    static let japaneseTriggers: Set<String> = [
        "消して", "削除", "取り除いて", "除いて", "追加して", "加えて", "入れて", "置き換え", "差し替え", "変えて",
        "背景", "空", "顔", "肌", "人", "人物", "目", "髪", "文字", "ロゴ", "服", "猫", "犬", "描いて", "生成",
    ]
}
