extension PromptLexicon {
    /// Chinese, simplified; `chinese(_:)` adds the traditional spelling where the characters
    /// differ. Words are written without spaces (see `TokenSegmenter`). Verbs and
    /// complements follow the grammar of the English lexicon: 太 and 很 complain ("太暗了",
    /// "照片很暗" brighten), 一点 and 稍微 halve, 不要 negates, 不够 asks for more.
    static let chineseWords: [(String, LexiconMeaning)] = chinese(Array([
        // Light.
        each(["亮", "明亮", "提亮", "变亮", "更亮", "亮度", "曝光", "光线", "增亮", "亮堂"], anywhere(.init(.brightness))),
        complaints(["欠曝", "曝光不足", "欠曝光", "黑"], anywhere(.init(.brightness))),
        complaints(["过曝", "曝光过度", "过曝光", "泛白"], anywhere(.init(.brightness, -1), .init(.highlights, -0.5))),
        each(["暗", "变暗", "压暗", "更暗", "昏暗", "黑暗", "阴暗"], anywhere(.init(.brightness, -1))),
        each(["阴影", "暗部"], withModifier(.init(.shadows))),
        each(["高光", "亮部"], withModifier(.init(.highlights))),
        each(["提亮阴影", "提亮暗部", "阴影提亮"], anywhere(.init(.shadows))),
        each(["压高光", "压暗高光", "恢复高光", "高光压暗", "高光压一压", "高光压一下", "压一下高光", "压一压高光"], anywhere(.init(.highlights, -1))),
        each(["对比度", "对比", "反差"], anywhere(.init(.contrast))),
        // States are complaints, corrected whatever word of excess comes with them ("太平淡").
        complaints(["灰", "灰蒙蒙", "灰暗", "平淡", "没有层次", "缺乏层次", "没层次", "暗淡"],
                   anywhere(.init(.contrast), .init(.saturation, 0.5))),
        complaints(["不清晰", "不清楚", "不够清晰", "不太清晰", "不锐利"], anywhere(.init(.sharpness))),
        complaints(["不亮", "不够亮"], anywhere(.init(.brightness))),
        each(["自动色阶", "自动调整", "一键优化", "自动优化", "修正光线", "改善光线", "调整光线", "光线不好", "修正曝光", "校正曝光"], anywhere(.init(.autoLevels))),
        each(["提升画质", "提高画质", "优化画质", "画质提升", "增强画质", "改善画质", "优化照片", "优化一下",
              "优化图片", "美化照片", "增强一下", "提升质感"], .effect(enhancement, placement: .anywhere)),
        each(["白平衡", "自动白平衡", "校正颜色", "色彩校正", "去色偏", "校正偏色"], anywhere(.init(.autoWhiteBalance))),
        each(["清晰度", "细节", "质感"], anywhere(.init(.clarity))),
        each(["去雾", "除雾", "去朦胧"], anywhere(.init(.dehaze))),
        each(["褪色", "哑光", "复古胶片感"], anywhere(.init(.fade))),
        each(["暗角", "晕影", "四角压暗", "边角压暗"], anywhere(.init(.vignette))),
        // Colour.
        each(["饱和度", "饱和", "艳", "鲜艳", "艳丽", "浓郁", "色彩鲜艳", "鲜亮"], anywhere(.init(.saturation))),
        each(["去饱和", "降饱和", "素雅", "淡雅", "寡淡", "淡", "颜色淡"], anywhere(.init(.saturation, -1))),
        each(["自然饱和度", "鲜艳度"], anywhere(.init(.vibrance))),
        each(["暖", "暖色", "暖色调", "暖调", "温暖", "色温", "暖和", "暖黄"], anywhere(.init(.temperature))),
        each(["色温调暖", "色温暖", "色温调高"], anywhere(.init(.temperature))),
        each(["色温调冷", "色温冷"], anywhere(.init(.temperature, -1))),
        each(["冷", "冷色", "冷色调", "冷调", "清冷", "冷蓝"], anywhere(.init(.temperature, -1))),
        // Casts need a modifier ("太黄", "偏蓝"): a blue sky is not a request.
        each(["黄", "橙"], withModifier(.init(.temperature, 0.75))),
        each(["蓝"], withModifier(.init(.temperature, -0.75))),
        each(["绿"], withModifier(.init(.tint, -0.75))),
        each(["紫", "粉", "洋红", "品红", "红"], withModifier(.init(.tint, 0.75))),
        complaints(["黄", "橙", "黄色"], anywhere(.init(.temperature, -0.75)), bare: false),
        complaints(["蓝", "蓝色"], anywhere(.init(.temperature, 0.75)), bare: false),
        complaints(["绿", "绿色"], anywhere(.init(.tint, 0.75)), bare: false),
        complaints(["紫", "粉", "洋红", "品红", "红"], anywhere(.init(.tint, -0.75)), bare: false),
        each(["黑白", "单色", "灰度", "黑白照", "黑白照片", "去色"], anywhere(.init(.monochrome))),
        each(["棕褐色", "褐色调", "老照片", "旧照片", "泛黄老照片"], anywhere(.init(.sepia))),
        each(["复古", "怀旧", "年代感", "老式"],
             anywhere(.init(.temperature, 0.5), .init(.saturation, -0.5), .init(.fade), .init(.vignette, 0.5), .init(.grain, 0.5))),
        each(["胶片", "胶片感", "胶片风"],
             anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5))),
        each(["电影感", "电影色调", "电影风格", "青橙色调"], anywhere(.init(.contrast, 0.5), .init(.splitTone), .init(.vignette, 0.5))),
        // Detail.
        each(["锐化", "锐利", "清晰", "清楚", "锐度", "更清晰"], anywhere(.init(.sharpness))),
        each(["模糊", "虚化", "柔化", "朦胧", "柔焦"], anywhere(.init(.sharpness, -1))),
        // "糊" said of a photo is a fault: "有点糊", "照片糊了".
        each(["糊", "糊了", "有点糊", "很糊", "太糊"], correcting(.init(.sharpness))),
        each(["不够浓", "颜色不够浓", "不够鲜艳"], anywhere(.init(.vibrance), .init(.saturation, 0.5))),
        each(["清新", "小清新", "日系", "日系小清新"], anywhere(.init(.brightness, 0.5), .init(.contrast, -0.25),
                                                     .init(.temperature, -0.25), .init(.saturation, -0.25))),
        each(["高级灰"], anywhere(.init(.saturation, -0.75), .init(.contrast, -0.25))),
        each(["港风", "港式"], anywhere(.init(.contrast, 0.5), .init(.fade, 0.5), .init(.temperature, 0.25), .init(.grain, 0.5))),
        each(["噪点", "噪声", "杂色", "噪音"], noiseCorrection),
        each(["噪点多", "噪点很多", "很多噪点", "好多噪点", "噪点严重", "有噪点", "噪点明显"], anywhere(.init(.denoise))),
        each(["降噪", "去噪", "去噪点", "减少噪点", "去除噪点", "消除噪点"], anywhere(.init(.denoise))),
        each(["颗粒", "颗粒感", "胶片颗粒", "颗粒效果"], anywhere(.init(.grain))),
        // Framing.
        each(["正方形", "方形", "裁成正方形", "裁剪成正方形", "方图"], anywhere(.init(.aspect, 1))),
        each(["旋转", "顺时针旋转", "向右旋转", "右转", "顺时针转"], anywhere(.init(.rotate, 90))),
        each(["向左旋转", "左转", "逆时针旋转", "逆时针转", "向左转"], anywhere(.init(.rotate, -90))),
        each(["倒过来", "上下颠倒", "颠倒"], anywhere(.init(.rotate, 180))),
        each(["逆时针", "向左", "往左", "左"], .rotationDirection(-1)),
        each(["顺时针", "向右", "往右", "右"], .rotationDirection(1)),
        each(["翻转", "水平翻转", "左右翻转", "镜像", "镜像翻转"], anywhere(.init(.flipHorizontal))),
        each(["垂直翻转", "上下翻转"], anywhere(.init(.flipVertical))),
        each(["放大", "拉近"], anywhere(.init(.zoom))),
        each(["缩小", "拉远"], anywhere(.init(.zoom, -1))),
        each(["度"], .unit(.degrees)),
        each(["倍"], .unit(.times)),
        // Bars fit the whole picture inside the ratio, then fill around it.
        each(["两边补白", "补白", "白边填充", "两边留白"], anywhere(.init(.pad), .init(.whiteBorder))),
        each(["两边补黑", "补黑边"], anywhere(.init(.pad), .init(.blackBorder))),
        // Borders, never graded.
        each(["白边", "白框", "白色边框", "白色边", "加白边", "加白框", "加个白边", "白色相框"], anywhere(.init(.whiteBorder))),
        each(["黑边", "黑框", "黑色边框", "黑色边", "加黑边", "加黑框"], anywhere(.init(.blackBorder))),
        // Grammar.
        each(["稍微", "稍稍", "略微", "略", "一点", "一点儿", "一些", "有些", "微微", "轻微", "轻轻", "些许",
              "一点点", "稍"], .intensity(0.5)),
        each(["非常", "十分", "特别", "大幅", "大大", "很多", "得很", "变得很", "调得很", "许多", "明显", "显著",
              "多多", "好多", "更加"], .intensity(1.5)),
        each(["极其", "极度", "超级", "极", "超", "无比", "最大"], .intensity(2)),
        each(["更", "再", "加", "增加", "提高", "提升", "加强", "增强", "调高", "加大", "添加", "加点", "加上",
              "还要", "不够"], .polarity(.increase)),
        // Single-character complements follow the effect they change ("对比度高一点",
        // "对比度太高"); before one ("高对比度") they wait for it like any modifier.
        each(["高", "强", "多"], .trailingPolarity(.increase)),
        each(["低", "弱", "少"], .trailingPolarity(.decrease)),
        each(["降低", "减少", "减弱", "调低", "减", "降", "压", "压一下", "压一压", "去掉", "去除", "删除", "移除", "消除",
              ], .polarity(.decrease)),
        each(["不", "不要", "别", "没有", "无", "不用", "不想", "勿"], .polarity(.negate)),
        each(["太", "很", "过于", "过度", "太过", "太多", "过分", "有点", "有点儿", "偏"], .polarity(.excess)),
        // The picture said to be very something ("照片非常暗") states a fault, as "照片很暗"
        // does; "非常亮" alone asks for it.
        ["照片", "图片", "画面", "图像", "相片", "这张照片", "这张图", "整体", "颜色", "色彩"].flatMap { picture in
            ["非常", "特别", "十分", "相当", "真"].map { ("\(picture)\($0)", LexiconMeaning.polarity(.state)) }
        },
        each(["不要过度", "别太过", "别过度", "不要太过", "不要太夸张", "别太夸张", "自然一点", "保持自然", "适度",
              "自然一些", "不要太重", "别太重", "淡淡的", "不要太多", "别太多", "不要太过", "别太过"], .restraint),
        each(["和", "并", "并且", "而且", "然后", "同时", "还有", "但", "但是", "也", "又", "以及", "跟", "另外",
              "顺便", "再把"], .separator),
        each(["图片", "照片", "图像", "画面", "相片", "它", "整体", "色调", "颜色", "色彩", "效果", "风格", "感觉",
              "氛围", "这张图", "这张照片", "图"], .pictureNoun),
        each(["把", "将", "让", "使", "给", "请", "帮我", "帮忙", "一下", "的", "了", "得", "变得", "调", "弄", "变",
              "这张", "这个", "看起来", "可以", "能", "吗", "吧", "一个", "成", "为", "点", "些", "是", "漂亮", "好看",
              "我", "想", "想要", "要", "希望", "需要", "成偏", "得偏", "调成", "调得", "做成", "转成", "转为", "处理",
              "一", "张", "啊", "呢", "能不能", "可不可以", "能否", "可否", "行不行", "很好", "不错", "地", "着", "哦", "就", "都", "还", "修", "修图", "下", "点儿",
              "整张", "全图", "显得", "有", "个", "来", "搞", "那么", "这么", "样子", "风", "感", "色"], .filler),
    ].joined()))

    /// Words of generative requests, in Chinese: removing, adding or replacing things, and
    /// the parts of a picture such requests name.
    static let chineseTriggers: Set<String> = Set(chinese([
        "去掉", "删除", "删掉", "移除", "去除", "消除", "抹掉", "添加", "加上", "加一个", "加个", "放一个", "换成",
        "替换", "换掉", "变成", "加", "生成", "画", "画一个", "背景", "天空", "脸", "皮肤", "人", "人物", "眼睛", "头发",
        "文字", "水印", "衣服", "猫", "狗", "路人", "东西",
    ].map { ($0, LexiconMeaning.filler) }).map(\.0))

    /// Each state with the words that complain of it ("太黄", "偏黄", "发黄"), to one meaning:
    /// a state's meaning is already its correction, which excess must not reverse again.
    /// Single characters and colours ("暗", "蓝色") are no complaint on their own.
    private static func complaints(_ states: [String], _ meaning: LexiconMeaning, bare: Bool = true) -> [(String, LexiconMeaning)] {
        let degrees = ["", "太", "很", "有点", "有点儿", "有些", "比较", "略", "稍微", "稍", "过于", "太过", "非常", "特别"]
        let leanings = ["", "偏", "发"]
        let prefixes = degrees.flatMap { degree in leanings.map { degree + $0 } }
        return states.flatMap { state in
            prefixes.filter { !($0.isEmpty && (!bare || state.count == 1)) }.map { ("\($0)\(state)", meaning) }
        }
    }

    /// Each phrase, and its traditional spelling when one of its characters differs.
    static func chinese(_ entries: [(String, LexiconMeaning)]) -> [(String, LexiconMeaning)] {
        entries.flatMap { phrase, meaning in
            let traditional = String(phrase.map { traditionalCharacters[$0] ?? $0 })
            return traditional == phrase ? [(phrase, meaning)] : [(phrase, meaning), (traditional, meaning)]
        }
    }

    /// The simplified characters of the Chinese lexicon that traditional Chinese writes
    /// differently.
    private static let traditionalCharacters: [Character: Character] = {
        let pairs = "对對饱飽鲜鮮艳豔温溫调調锐銳虚虛颗顆点點声聲杂雜单單怀懷旧舊复復晕暈转轉顺順时時针針镜鏡缩縮"
            + "极極级級别別强強减減没沒无無过過于於够夠删刪换換脸臉肤膚头頭将將让讓给給请請帮幫变變图圖画畫这這"
            + "张張体體风風觉覺来來并並后後还還夸誇适適蓝藍黄黃绿綠红紅胶膠电電细細节節颜顏个個儿兒质質压壓雾霧"
            + "胧朧浓濃轻輕显顯着著边邊阴陰层層乏乏剪剪优優键鍵应應动動淡淡亮亮种種样樣处處理理东東与與么麼"
            + "发發状狀黑黑滤濾镜鏡调調厉厲视視觉覺觉覺们們远遠长長门門问問间間题題论論话話说說读讀写寫开開关關"
            + "区區尽盡恢恢广廣众眾边邊离離难難双雙么麼线線彩彩晰晰糊糊噪噪锐銳丽麗颠顛许許吗嗎为為阶階哑啞错錯"
        var table: [Character: Character] = [:]
        var characters = Array(pairs)
        if characters.count % 2 == 1 { characters.removeLast() }
        for index in stride(from: 0, to: characters.count, by: 2) where characters[index] != characters[index + 1] {
            table[characters[index]] = characters[index + 1]
        }
        return table
    }()
}
