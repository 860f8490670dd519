/**
 * Where each demo branch's clients live. Municipalities, postcode prefixes, area codes and
 * plate regions are real so the data looks right on screen; the street part of every
 * address is generated (see address.ts), so no address belongs to anyone.
 */
export interface Municipality {
  prefecture: string
  city: string
  /** First three digits of the 7-digit postcode used in this municipality. */
  postcodePrefixes: readonly string[]
  /** Fixed-line area code; subscriber digits fill the rest of the 10 digits. */
  areaCode: string
  plateRegions: readonly string[]
}

export interface DemoRegion {
  branchId: string
  branchName: string
  /** Relative share of the book handled by the branch. */
  weight: number
  municipalities: readonly Municipality[]
}

const m = (
  prefecture: string,
  city: string,
  postcodePrefixes: string[],
  areaCode: string,
  plateRegions: string[],
): Municipality => ({ prefecture, city, postcodePrefixes, areaCode, plateRegions })

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    branchId: 'br-shinjuku',
    branchName: '新宿支店',
    weight: 22,
    municipalities: [
      m('東京都', '新宿区', ['160', '161', '169'], '03', ['練馬']),
      m('東京都', '渋谷区', ['150', '151'], '03', ['品川']),
      m('東京都', '中野区', ['164', '165'], '03', ['練馬']),
      m('東京都', '杉並区', ['166', '167', '168'], '03', ['杉並']),
      m('東京都', '世田谷区', ['154', '155', '156', '157', '158'], '03', ['世田谷', '品川']),
      m('東京都', '練馬区', ['176', '177', '178', '179'], '03', ['練馬']),
      m('東京都', '目黒区', ['152', '153'], '03', ['品川']),
    ],
  },
  {
    branchId: 'br-yokohama',
    branchName: '横浜支店',
    weight: 18,
    municipalities: [
      m('神奈川県', '横浜市港北区', ['222', '223'], '045', ['横浜']),
      m('神奈川県', '横浜市青葉区', ['225', '227'], '045', ['横浜']),
      m('神奈川県', '横浜市戸塚区', ['244', '245'], '045', ['横浜']),
      m('神奈川県', '横浜市中区', ['231'], '045', ['横浜']),
      m('神奈川県', '川崎市中原区', ['211'], '044', ['川崎']),
      m('神奈川県', '川崎市宮前区', ['216'], '044', ['川崎']),
      m('神奈川県', '藤沢市', ['251', '252'], '0466', ['湘南']),
      m('神奈川県', '相模原市中央区', ['252'], '042', ['相模']),
    ],
  },
  {
    branchId: 'br-omiya',
    branchName: '大宮支店',
    weight: 15,
    municipalities: [
      m('埼玉県', 'さいたま市大宮区', ['330'], '048', ['大宮']),
      m('埼玉県', 'さいたま市浦和区', ['330'], '048', ['大宮']),
      m('埼玉県', '川口市', ['332', '333'], '048', ['川口']),
      m('埼玉県', '川越市', ['350'], '049', ['川越']),
      m('埼玉県', '越谷市', ['343'], '048', ['越谷']),
      m('埼玉県', '上尾市', ['362'], '048', ['大宮']),
      m('埼玉県', '所沢市', ['359'], '04', ['所沢']),
    ],
  },
  {
    branchId: 'br-chiba',
    branchName: '千葉支店',
    weight: 14,
    municipalities: [
      m('千葉県', '千葉市中央区', ['260'], '043', ['千葉']),
      m('千葉県', '千葉市美浜区', ['261'], '043', ['千葉']),
      m('千葉県', '船橋市', ['273', '274'], '047', ['船橋', '習志野']),
      m('千葉県', '市川市', ['272'], '047', ['市川', '習志野']),
      m('千葉県', '松戸市', ['270', '271'], '047', ['松戸']),
      m('千葉県', '柏市', ['277'], '04', ['柏']),
      m('千葉県', '習志野市', ['275'], '047', ['習志野']),
    ],
  },
  {
    branchId: 'br-nagoya',
    branchName: '名古屋支店',
    weight: 14,
    municipalities: [
      m('愛知県', '名古屋市中区', ['460'], '052', ['名古屋']),
      m('愛知県', '名古屋市千種区', ['464'], '052', ['名古屋']),
      m('愛知県', '名古屋市緑区', ['458'], '052', ['名古屋']),
      m('愛知県', '豊田市', ['470', '471'], '0565', ['豊田', '三河']),
      m('愛知県', '岡崎市', ['444'], '0564', ['岡崎', '三河']),
      m('愛知県', '春日井市', ['486', '487'], '0568', ['春日井']),
      m('愛知県', '一宮市', ['491', '494'], '0586', ['一宮']),
    ],
  },
  {
    branchId: 'br-osaka',
    branchName: '大阪支店',
    weight: 17,
    municipalities: [
      m('大阪府', '大阪市北区', ['530', '531'], '06', ['なにわ']),
      m('大阪府', '大阪市天王寺区', ['543'], '06', ['なにわ']),
      m('大阪府', '大阪市住吉区', ['558'], '06', ['なにわ']),
      m('大阪府', '堺市北区', ['591'], '072', ['堺']),
      m('大阪府', '豊中市', ['560', '561'], '06', ['大阪']),
      m('大阪府', '吹田市', ['564', '565'], '06', ['大阪']),
      m('大阪府', '枚方市', ['573'], '072', ['大阪']),
      m('大阪府', '東大阪市', ['577', '578'], '06', ['なにわ']),
    ],
  },
]
