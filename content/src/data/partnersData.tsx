// The Karmada showcase's own copy of the partners list, laid out like karmada.io's
// src/data/partnersData.tsx. Titles, links and logo file names are facts; the descriptions are
// written for this project. Logos are not kept here (trademarks): feedgen links them on karmada.io.
import Translate from "@docusaurus/Translate";
import React from "react";

import huawei from "../../static/img/supporters/huawei.png";
import daocloud from "../../static/img/supporters/DaoCloud.png";
import unionbigdata from "../../static/img/supporters/unionbigdata.png";
import cecloud from "../../static/img/supporters/CECloud.png";
import neen from "../../static/img/supporters/neen.png";
import chinaunicom from "../../static/img/supporters/chinaunicom.png";

const PartnersList = [
  {
    image: huawei,
    title: "Huawei",
    webURL: "https://www.huaweicloud.com/intl/en-us/product/ucs.html",
    description: (
      <Translate id="partners.huawei.description">
        Huawei Cloud UCS, built on Karmada, gives one consistent way to deploy and run cloud
        native applications in any region or cloud, with traffic steered between them.
      </Translate>
    ),
  },
  {
    image: daocloud,
    title: "DaoCloud",
    webURL: "https://www.daocloud.io/en/",
    description: (
      <Translate id="partners.daocloud.description">
        Helps enterprises run resilient, elastic hybrid multi-cloud platforms built on Karmada.
      </Translate>
    ),
  },
  {
    image: unionbigdata,
    title: "Unionbigdata",
    webURL: "https://www.unionbigdata.com/",
    description: (
      <Translate id="partners.unionbigdata.description">
        Delivers smart, distributed container platforms on Karmada that span regions and follow
        several placement policies.
      </Translate>
    ),
  },
  {
    image: cecloud,
    title: "CECloud",
    webURL: "https://cecloud.com/",
    description: (
      <Translate id="partners.cecloud.description">
        Supports customers building multi-cluster platforms with Karmada.
      </Translate>
    ),
  },
  {
    image: neen,
    title: "Neen S.p.A",
    webURL: "https://www.neen.it/",
    description: (
      <Translate id="partners.neen.description">
        Helps teams set up cross-region failover for their clusters with Karmada.
      </Translate>
    ),
  },
  {
    image: chinaunicom,
    title: "Unicom Digital Tech",
    webURL: "https://www.chinaunicom.com.cn/",
    description: (
      <Translate id="partners.chinaunicom.description">
        Offers an intelligent distributed container service on Karmada, spanning regions with
        multiple scheduling policies.
      </Translate>
    ),
  },
];

export default PartnersList;
